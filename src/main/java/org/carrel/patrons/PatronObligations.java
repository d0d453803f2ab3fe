package org.carrel.patrons;

import java.util.Collection;
import java.util.Map;

/**
 * What another module holds against patrons that the patrons module must know about: copies still out and unpaid
 * charges. {@code circulation} implements it (it depends on {@code patrons}, so patrons asks through this interface
 * instead of calling it). With no implementation nobody has anything out or owed, as before circulation exists; the
 * year-end rollover says so on its page.
 */
public interface PatronObligations {

    /** Per patron among {@code patronIds}, how many copies are out to them; patrons with none are left out. */
    Map<Long, Integer> itemsOut(Collection<Long> patronIds);

    /** Clears (waives) the unpaid charges of these patrons, in the caller's transaction; returns how many. */
    int clearCharges(Collection<Long> patronIds, String actor, String reason);
}
