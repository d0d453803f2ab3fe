package org.carrel.catalog.web;

import java.util.Optional;

import org.carrel.catalog.labels.LabelPrint;
import org.carrel.catalog.labels.LabelSheet;
import org.carrel.catalog.labels.Symbology;

/**
 * The print form as sent: names of {@link LabelPrint.Kind}, {@link LabelSheet} and {@link Symbology}, the first free
 * position as typed, and {@code removePrinted} present when ticked.
 */
public record LabelPrintForm(String kind, String sheet, String symbology, String start, String removePrinted) {

    /** Barcode labels in Code 39 (what most school library scanners read) on an Avery 5160 sheet from its first label. */
    static LabelPrintForm defaults() {
        return new LabelPrintForm(LabelPrint.Kind.BARCODE.name(), LabelSheet.AVERY_5160.name(),
                Symbology.CODE39.name(), "1", "true");
    }

    public LabelPrint.Kind kindChoice() {
        return choice(LabelPrint.Kind.class, kind).orElse(LabelPrint.Kind.BARCODE);
    }

    public LabelSheet sheetChoice() {
        return choice(LabelSheet.class, sheet).orElse(LabelSheet.AVERY_5160);
    }

    public Symbology symbologyChoice() {
        return choice(Symbology.class, symbology).orElse(Symbology.CODE39);
    }

    public boolean removesPrinted() {
        return removePrinted != null && !removePrinted.isBlank() && !removePrinted.equals("false");
    }

    /** Whether every choice names one that exists (a hand-made request may not). */
    boolean choicesKnown() {
        return choice(LabelPrint.Kind.class, kind).isPresent() && choice(LabelSheet.class, sheet).isPresent()
                && choice(Symbology.class, symbology).isPresent();
    }

    /** The start position, or 0 (refused as off the sheet) when it is not a number. */
    int startPosition() {
        try {
            return Integer.parseInt(start == null ? "" : start.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    LabelPrint.Request request() {
        return new LabelPrint.Request(kindChoice(), sheetChoice(), symbologyChoice(), startPosition(),
                removesPrinted());
    }

    private static <E extends Enum<E>> Optional<E> choice(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
