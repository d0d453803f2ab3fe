package org.carrel.circulation.web;

/**
 * The staff form placing a hold for a patron: the patron's card barcode, a copy's barcode (blank: any copy of the
 * title), the pickup school's code, the optional day after which the hold is not needed, a teacher's reservation
 * dates, and a reason to go past an overridable refusal (used only for staff with CIRCULATION_OVERRIDE).
 */
public record HoldForm(String patron, String copy, String pickup, String notNeededAfter, String neededFrom,
                String neededUntil, String overrideReason) {

    static HoldForm empty(String pickup) {
        return new HoldForm("", "", pickup, "", "", "", "");
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
