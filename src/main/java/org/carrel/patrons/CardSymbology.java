package org.carrel.patrons;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.Code39Writer;
import com.google.zxing.oned.OneDimensionalCodeWriter;

/**
 * The barcode symbologies library cards are printed in; message key {@code patrons.cards.symbology.NAME}. The
 * catalogue's label symbologies live in an internal package of {@code catalog}, so cards keep this small copy of the
 * same rules: Code 39 only in its basic character set, Code 128 for any printable ASCII.
 */
public enum CardSymbology {
    /** Code 128, the default: denser than Code 39, so long barcodes still fit a card. */
    CODE128(BarcodeFormat.CODE_128) {
        @Override
        OneDimensionalCodeWriter writer() {
            return new Code128Writer();
        }

        @Override
        public boolean canHold(String barcode) {
            return !barcode.isEmpty() && barcode.chars().allMatch(c -> c >= ' ' && c <= '~');
        }
    },
    /**
     * Code 39 without a check character, which older desk scanners are set up for. Only capital letters, digits,
     * space and {@code - . $ / + %}: ZXing would print anything else as "full ASCII" Code 39, which a scanner in the
     * usual mode reads back as a different barcode.
     */
    CODE39(BarcodeFormat.CODE_39) {
        @Override
        OneDimensionalCodeWriter writer() {
            return new Code39Writer();
        }

        @Override
        public boolean canHold(String barcode) {
            return !barcode.isEmpty() && barcode.chars().allMatch(c -> CODE39_CHARACTERS.indexOf(c) >= 0);
        }
    };

    private static final String CODE39_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";

    /** Quiet zone on each side, in modules: ISO/IEC 16388 (Code 39) and 15417 (Code 128) both ask for 10X. */
    static final int QUIET_ZONE_MODULES = 10;

    private final BarcodeFormat format;

    CardSymbology(BarcodeFormat format) {
        this.format = format;
    }

    public String messageKey() {
        return "patrons.cards.symbology." + name();
    }

    /** Whether a scanner reads this barcode back unchanged from this symbology. */
    public abstract boolean canHold(String barcode);

    abstract OneDimensionalCodeWriter writer();

    /** The symbology named by a form value ({@code CODE128}, {@code code39}); null when it names none. */
    public static CardSymbology parse(String text) {
        for (CardSymbology symbology : values()) {
            if (symbology.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return symbology;
            }
        }
        return null;
    }

    /** The symbol as one row of modules, quiet zones included; refuses what {@link #canHold} refuses. */
    BitMatrix encode(String barcode) {
        if (!canHold(barcode)) {
            throw new IllegalArgumentException("Barcode \"" + barcode + "\" cannot be printed as " + name());
        }
        // ZXing's MARGIN is the quiet zone of both sides together.
        return writer().encode(barcode, format, 0, 1, Map.of(EncodeHintType.MARGIN, 2 * QUIET_ZONE_MODULES));
    }
}
