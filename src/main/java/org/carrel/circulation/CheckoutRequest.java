package org.carrel.circulation;

/**
 * A checkout as a desk, a kiosk or the API asks for it: barcodes as scanned, the school of the desk (null: the
 * copy's school), who acts, and an override reason when staff go past an overridable refusal (the caller checked
 * that the actor may override; null or blank: no override).
 */
public record CheckoutRequest(String patronBarcode, String itemBarcode, Long deskSchoolId, String actor,
                              String overrideReason) {

    public static CheckoutRequest of(String patronBarcode, String itemBarcode, String actor) {
        return new CheckoutRequest(patronBarcode, itemBarcode, null, actor, null);
    }

    public boolean overriding() {
        return overrideReason != null && !overrideReason.isBlank();
    }
}
