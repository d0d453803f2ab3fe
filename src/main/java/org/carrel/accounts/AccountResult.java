package org.carrel.accounts;

import org.carrel.shared.FormErrors;

/** The outcome of saving an account or a password: saved, or refused with a message key per field. */
public sealed interface AccountResult {

    record Saved(long id) implements AccountResult {
    }

    record Invalid(FormErrors errors) implements AccountResult {
    }

    static AccountResult invalid(String field, String messageKey) {
        return new Invalid(FormErrors.of(field, messageKey));
    }
}
