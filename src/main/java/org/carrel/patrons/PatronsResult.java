package org.carrel.patrons;

import org.carrel.shared.FormErrors;

/**
 * The outcome of a change to a patron: saved, or refused with a message key per field. {@link Duplicate} is a
 * refusal because a barcode or student number is taken (the API answers 409).
 */
public sealed interface PatronsResult {

    record Saved(long id) implements PatronsResult {
    }

    record Invalid(FormErrors errors) implements PatronsResult {
    }

    record Duplicate(FormErrors errors) implements PatronsResult {
    }

    default FormErrors errors() {
        return FormErrors.NONE;
    }

    default boolean saved() {
        return this instanceof Saved;
    }

    static PatronsResult invalid(FormErrors errors) {
        return new Invalid(errors);
    }

    static PatronsResult invalid(String field, String messageKey) {
        return new Invalid(FormErrors.of(field, messageKey));
    }

    static PatronsResult duplicate(String field, String messageKey) {
        return new Duplicate(FormErrors.of(field, messageKey));
    }

    static PatronsResult stale() {
        return invalid("", "form.staleVersion");
    }
}
