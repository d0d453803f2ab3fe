package org.carrel.sip2;

import java.time.Instant;

/** An open SIP2 connection as the staff page shows it: the terminal logged in on it (null: none yet). */
public record SipConnectionView(String terminal, String client, Instant connectedAt, Instant lastMessageAt) {
}
