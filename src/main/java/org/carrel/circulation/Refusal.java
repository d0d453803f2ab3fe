package org.carrel.circulation;

/**
 * Why circulation refuses an act, as one stable code (the API's {@code reason}, SIP2's screen message; message key
 * {@code circulation.refusal.NAME}). {@code overridable}: staff with the override permission may go ahead anyway,
 * giving a reason that is audited.
 */
public enum Refusal {
    UNKNOWN_PATRON(false),
    UNKNOWN_ITEM(false),
    PATRON_INACTIVE(true),
    PATRON_BLOCKED(true),
    ALREADY_OUT_TO_PATRON(false),
    CHECKED_OUT_TO_OTHER(false),
    NOT_FOR_LOAN(true),
    ITEM_NOT_AVAILABLE(true),
    ON_HOLD_FOR_OTHER(true),
    LOAN_LIMIT_REACHED(true),
    /** The rule's fixed due date has passed: the rule needs a new date. */
    DUE_DATE_PASSED(false),
    /** Renew or return: the copy is not out. */
    NOT_CHECKED_OUT(false),
    RENEWAL_LIMIT_REACHED(true),
    /** Renewing a lost or claimed-returned loan. */
    LOAN_NOT_RENEWABLE(false),
    /** Holds: not allowed by the loan rule for this patron and title. */
    HOLDS_NOT_ALLOWED(true),
    /** Holds: this patron already has a hold on the title, or has the copy out. */
    ALREADY_HELD(false),
    /** Holds: the title has no copy that could ever fill the hold (none, or none for loan). */
    NO_HOLDABLE_COPY(false),
    UNKNOWN_HOLD(false),
    UNKNOWN_SCHOOL(false);

    private final boolean overridable;

    Refusal(boolean overridable) {
        this.overridable = overridable;
    }

    public boolean overridable() {
        return overridable;
    }

    public String messageKey() {
        return "circulation.refusal." + name();
    }
}
