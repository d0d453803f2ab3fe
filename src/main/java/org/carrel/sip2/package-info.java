/**
 * The SIP2 server (3M Standard Interchange Protocol 2.00) for self-check stations and sorters: an adapter over
 * {@code circulation} and {@code patrons}. {@link org.carrel.sip2.SipServer} listens on TCP once a terminal account
 * exists; each connection ({@code SipConnection}) reads CR-ended messages ({@code SipMessage}: fixed fields by
 * command, variable fields, sequence number and checksum) and answers them through {@code SipActs}, which lends and
 * returns as the desk does (same rules, refusals and audit; the actor is {@code sip2:LOGIN}). Terminal accounts
 * ({@link org.carrel.sip2.SipTerminals}, table {@code sip_terminal}) are kept apart from the web's accounts and are
 * scoped to one school, whose code is the institution id (AO).
 *
 * <p>Calls {@code circulation}, {@code patrons}, {@code catalog} (copies), {@code district} (schools, time zone),
 * {@code accounts} (audit) and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SIP2")
package org.carrel.sip2;
