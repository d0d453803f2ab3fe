package org.carrel.patrons;

/**
 * Two records of one person were merged: {@code mergedId} was a duplicate of {@code keptId} and no longer exists.
 * Published by {@link Patrons#merge} inside its transaction, before the duplicate's row is deleted. A module that
 * keeps rows about patrons (circulation: loans, holds, charges) must move them from {@code mergedId} to
 * {@code keptId} in a synchronous {@code @EventListener}, in that same transaction (not an after-commit
 * {@code @ApplicationModuleListener}): the duplicate's row is deleted right after, and a failure of the listener
 * must undo the whole merge.
 */
public record PatronsMerged(long keptId, long mergedId) {
}
