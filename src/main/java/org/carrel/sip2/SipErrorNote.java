package org.carrel.sip2;

import java.time.Instant;

/** A problem with a client's message or login, for the staff page (never the message itself). */
public record SipErrorNote(Instant at, String client, String terminal, String problem) {
}
