package org.carrel.circulation;

import org.carrel.shared.FormErrors;

/**
 * The outcome of a change to the loan rules or the circulation settings: saved (or deleted), recommended rules
 * applied, or refused with a message key per field ({@code ""} for the whole form).
 */
public sealed interface LoanRulesResult {

    /** The rule (or, for the settings, row 1) was saved or deleted. */
    record Saved(long id) implements LoanRulesResult {
    }

    /** Recommended rules were added to a school; {@code skipped} had criteria the school already had. */
    record Applied(int added, int skipped) implements LoanRulesResult {
    }

    record Invalid(FormErrors errors) implements LoanRulesResult {
    }

    /** The field messages of a refusal; none otherwise. */
    default FormErrors errors() {
        return FormErrors.NONE;
    }

    default boolean done() {
        return !(this instanceof Invalid);
    }

    static LoanRulesResult invalid(String field, String messageKey) {
        return new Invalid(FormErrors.of(field, messageKey));
    }
}
