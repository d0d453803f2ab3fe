package org.carrel.circulation.web;

/** A new charge as typed on a patron's account page: DAMAGED or OTHER, amount, description, optional copy barcode. */
public record ChargeForm(String kind, String amount, String description, String barcode) {

    static final ChargeForm EMPTY = new ChargeForm("DAMAGED", "", "", "");
}
