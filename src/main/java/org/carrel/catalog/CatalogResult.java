package org.carrel.catalog;

import org.carrel.shared.FormErrors;

/**
 * The outcome of a change to the catalogue: saved, or refused with a message key per field. {@link Duplicate} is an
 * {@link Invalid} whose barcode is already taken; {@link Refused} is a rule that forbids the act (a copy on loan
 * cannot be deleted), with its message key and arguments.
 */
public sealed interface CatalogResult {

    record Saved(long id) implements CatalogResult {
    }

    record Invalid(FormErrors errors) implements CatalogResult {
    }

    record Duplicate(FormErrors errors) implements CatalogResult {
    }

    record Refused(String messageKey, Object... arguments) implements CatalogResult {
    }

    /** The field messages of a refusal; none for {@link Saved} and {@link Refused}. */
    default FormErrors errors() {
        return FormErrors.NONE;
    }

    default boolean saved() {
        return this instanceof Saved;
    }

    static CatalogResult invalid(String field, String messageKey) {
        return new Invalid(FormErrors.of(field, messageKey));
    }

    static CatalogResult stale() {
        return invalid("", "form.staleVersion");
    }
}
