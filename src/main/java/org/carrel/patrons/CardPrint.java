package org.carrel.patrons;

/**
 * The outcome of printing library cards: the PDF and how many cards it holds, or a refusal with its message key and
 * arguments (nothing chosen, a barcode the symbology cannot hold, ...).
 */
public sealed interface CardPrint {

    record Printed(byte[] pdf, int cards) implements CardPrint {
    }

    record Refused(String messageKey, Object... arguments) implements CardPrint {
    }
}
