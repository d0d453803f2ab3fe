package org.carrel.notifications;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute addresses for what leaves the server (e-mail, feeds): {@code carrel.base-url} (default
 * {@code http://localhost:8080}) is the address readers reach Carrel at, such as {@code https://library.example.org}.
 */
@Component
class Links {

    static final String SUBSCRIPTIONS = "/account/new-arrivals";
    static final String NEW_ARRIVALS = "/catalog/new";

    private final String base;

    Links(@Value("${carrel.base-url:http://localhost:8080}") String base) {
        this.base = base.strip().replaceAll("/+$", "");
    }

    /** A title's public catalogue page. */
    String record(long recordId) {
        return base + "/catalog/records/" + recordId;
    }

    String subscriptions() {
        return base + SUBSCRIPTIONS;
    }

    /** The absolute form of a path of this server ({@code /catalog/new?dewey=590-599}). */
    String absolute(String path) {
        return base + path;
    }
}
