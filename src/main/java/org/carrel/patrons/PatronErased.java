package org.carrel.patrons;

/**
 * A patron's personal data was erased on request ({@link PatronRecords#erase}); the row stays, anonymous, for
 * statistics. Published inside the erase's transaction: a module that keeps rows about the patron (circulation:
 * loans, holds, charges, reading history) removes or anonymises them in a synchronous {@code @EventListener}, so
 * the erase and its own part commit or fail together.
 */
public record PatronErased(long patronId) {
}
