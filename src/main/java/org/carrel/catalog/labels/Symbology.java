package org.carrel.catalog.labels;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.Code39Writer;
import com.google.zxing.oned.OneDimensionalCodeWriter;

/** The barcode symbologies school libraries print on item labels; message key {@code catalog.labels.symbology.NAME}. */
public enum Symbology {
    /**
     * Code 39 without a check character, the symbology of most older library barcodes. Only upper-case letters,
     * digits, space and {@code - . $ / + %}.
     */
    CODE39(BarcodeFormat.CODE_39, "Code 39") {
        @Override
        OneDimensionalCodeWriter writer() {
            return new Code39Writer();
        }

        @Override
        void refuseWhenNotEncodable(String barcode) {
            for (char c : barcode.toCharArray()) {
                if (CODE39_CHARACTERS.indexOf(c) < 0) {
                    throw new IllegalArgumentException("Barcode \"" + barcode + "\" cannot be printed as Code 39: "
                            + "it may only hold capital letters, digits, spaces and - . $ / + %"
                            + (Character.isLowerCase(c) ? " (it has the lower-case letter '" + c + "')" : "")
                            + ". Choose Code 128 instead.");
                }
            }
        }
    },
    /** Code 128, denser than Code 39 and able to hold any printable ASCII character. */
    CODE128(BarcodeFormat.CODE_128, "Code 128") {
        @Override
        OneDimensionalCodeWriter writer() {
            return new Code128Writer();
        }

        @Override
        void refuseWhenNotEncodable(String barcode) {
            for (char c : barcode.toCharArray()) {
                if (c < ' ' || c > '~') {
                    throw new IllegalArgumentException("Barcode \"" + barcode + "\" cannot be printed as Code 128: "
                            + "it may only hold letters, digits and the punctuation on a US keyboard.");
                }
            }
        }
    };

    // ZXing would silently switch lower case to "full ASCII" Code 39 (a -> +A), which a scanner in the usual
    // mode reads back as a different barcode; so anything outside the basic set is refused instead.
    private static final String CODE39_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";

    /** Quiet zone on each side, in modules: ISO/IEC 16388 (Code 39) and 15417 (Code 128) both ask for 10X. */
    static final int QUIET_ZONE_MODULES = 10;

    private final BarcodeFormat format;
    private final String displayName;

    Symbology(BarcodeFormat format, String displayName) {
        this.format = format;
        this.displayName = displayName;
    }

    /** The symbology's name as the standards and scanner manuals write it, for messages. */
    String displayName() {
        return displayName;
    }

    public String messageKey() {
        return "catalog.labels.symbology." + name();
    }

    abstract OneDimensionalCodeWriter writer();

    abstract void refuseWhenNotEncodable(String barcode);

    /** Whether a scanner reads this barcode back unchanged from this symbology. */
    public boolean canHold(String barcode) {
        try {
            refuseWhenNotEncodable(barcode);
            return !barcode.isEmpty();
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    /** The symbology named by a form value ({@code CODE128}, {@code code39}); null when it names none. */
    public static Symbology parse(String text) {
        for (Symbology symbology : values()) {
            if (symbology.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return symbology;
            }
        }
        return null;
    }

    /**
     * The symbol as one row of modules, quiet zones included: bit {@code x} is set where a bar covers module
     * {@code x}.
     */
    public BitMatrix encode(String barcode) {
        refuseWhenNotEncodable(barcode);
        try {
            // ZXing's MARGIN is the quiet zone of both sides together.
            Map<EncodeHintType, Integer> quietZones = Map.of(EncodeHintType.MARGIN, 2 * QUIET_ZONE_MODULES);
            return writer().encode(barcode, format, 0, 1, quietZones);
        } catch (IllegalArgumentException refused) {
            throw new IllegalArgumentException("Barcode \"" + barcode + "\" cannot be printed as " + displayName + ": "
                    + refused.getMessage(), refused);
        }
    }
}
