package org.carrel.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The messages of an invalid form, by field name, for a page to show next to each field. Messages are already
 * localised (validation messages name keys of the message bundles).
 */
public record FormErrors(Map<String, String> byField) {

    public static final FormErrors NONE = new FormErrors(Map.of());

    public FormErrors {
        byField = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byField));
    }

    public static FormErrors of(BindingResult result) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            messages.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        result.getGlobalErrors().forEach(e -> messages.putIfAbsent("", e.getDefaultMessage()));
        return new FormErrors(messages);
    }

    /** One field's error. */
    public static FormErrors of(String field, String message) {
        return new FormErrors(Map.of(field, message));
    }

    /** These errors less those of one field (a field the form does not show, say). */
    public FormErrors without(String field) {
        Map<String, String> rest = new LinkedHashMap<>(byField);
        rest.remove(field);
        return new FormErrors(rest);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The field's message, or null. */
    public String get(String field) {
        return byField.get(field);
    }
}
