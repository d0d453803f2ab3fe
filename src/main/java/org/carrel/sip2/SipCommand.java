package org.carrel.sip2;

import java.util.Arrays;
import java.util.Optional;

/**
 * The SIP2 2.00 messages a self-check station or sorter sends, each with the total length of its fixed fields (what
 * comes between the two-digit command and the first variable field) and the command of the answer.
 */
enum SipCommand {
    /** Block patron: card retained (1), transaction date (18). Answered by patron status (24). */
    BLOCK_PATRON("01", 19, "24"),
    /** Checkin: no block (1), transaction date (18), return date (18). */
    CHECKIN("09", 37, "10"),
    /** Checkout: SC renewal policy (1), no block (1), transaction date (18), nb due date (18). */
    CHECKOUT("11", 38, "12"),
    /** Hold: hold mode (1: + add, - delete, * change), transaction date (18). */
    HOLD("15", 19, "16"),
    /** Item information: transaction date (18). */
    ITEM_INFORMATION("17", 18, "18"),
    /** Patron status request: language (3), transaction date (18). */
    PATRON_STATUS("23", 21, "24"),
    /** Renew: third party allowed (1), no block (1), transaction date (18), nb due date (18). */
    RENEW("29", 38, "30"),
    /** End patron session: transaction date (18). */
    END_SESSION("35", 18, "36"),
    /** Fee paid: transaction date (18), fee type (2), payment type (2), currency type (3). */
    FEE_PAID("37", 25, "38"),
    /** Patron information: language (3), transaction date (18), summary (10). */
    PATRON_INFORMATION("63", 31, "64"),
    /** Renew all: transaction date (18). */
    RENEW_ALL("65", 18, "66"),
    /** Login: UID algorithm (1), PWD algorithm (1). */
    LOGIN("93", 2, "94"),
    /** Request ACS resend: no fields; the last answer is sent again. */
    RESEND("97", 0, null),
    /** SC status: status code (1), max print width (3), protocol version (4). */
    SC_STATUS("99", 8, "98");

    private final String code;
    private final int fixedLength;
    private final String answer;

    SipCommand(String code, int fixedLength, String answer) {
        this.code = code;
        this.fixedLength = fixedLength;
        this.answer = answer;
    }

    String code() {
        return code;
    }

    int fixedLength() {
        return fixedLength;
    }

    /** The command of the answer to this message (none for a resend request). */
    String answer() {
        return answer;
    }

    static Optional<SipCommand> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
