package org.carrel.circulation.web;

import java.util.Locale;

/**
 * What a scan at the desk does: check out to the patron scanned, check in, renew, or count use in the library.
 * {@code param} is the word in the address ({@code ?mode=checkin}); {@code key} the keyboard shortcut that switches
 * to the mode; message keys {@code circulation.desk.mode.NAME} and {@code circulation.desk.barcode.NAME}.
 */
public enum DeskMode {
    CHECKOUT("checkout", "F2"),
    CHECKIN("checkin", "F3"),
    RENEW("renew", "F4"),
    USE("use", "F9");

    private final String param;
    private final String key;

    DeskMode(String param, String key) {
        this.param = param;
        this.key = key;
    }

    public String param() {
        return param;
    }

    public String key() {
        return key;
    }

    /** The mode named in a request; check-out when the word is missing or unknown. */
    public static DeskMode of(String param) {
        String wanted = param == null ? "" : param.strip().toLowerCase(Locale.ROOT);
        for (DeskMode mode : values()) {
            if (mode.param.equals(wanted)) {
                return mode;
            }
        }
        return CHECKOUT;
    }
}
