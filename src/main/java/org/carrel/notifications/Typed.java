package org.carrel.notifications;

/** A value read from what someone typed, or why it could not be: a message key. */
record Typed<T>(T value, String problem) {

    static <T> Typed<T> ok(T value) {
        return new Typed<>(value, null);
    }

    static <T> Typed<T> refused(String problem) {
        return new Typed<>(null, problem);
    }

    boolean ok() {
        return problem == null;
    }
}
