package org.carrel.district;

import org.carrel.shared.FormErrors;

/**
 * The outcome of a change to the district, a school, a location or a calendar: saved, or refused with a message
 * key per field. {@link Duplicate} is an {@link Invalid} whose code or day is already taken (the API answers 409).
 */
public sealed interface DistrictResult {

    record Saved(long id) implements DistrictResult {
    }

    record Invalid(FormErrors errors) implements DistrictResult {
    }

    record Duplicate(FormErrors errors) implements DistrictResult {
    }

    /** The field messages of a refusal; none for {@link Saved}. */
    default FormErrors errors() {
        return FormErrors.NONE;
    }

    default boolean saved() {
        return this instanceof Saved;
    }

    static DistrictResult invalid(FormErrors errors) {
        return new Invalid(errors);
    }

    static DistrictResult invalid(String field, String messageKey) {
        return new Invalid(FormErrors.of(field, messageKey));
    }

    static DistrictResult duplicate(String field, String messageKey) {
        return new Duplicate(FormErrors.of(field, messageKey));
    }

    static DistrictResult stale() {
        return invalid("", "form.staleVersion");
    }
}
