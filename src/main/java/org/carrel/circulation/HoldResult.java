package org.carrel.circulation;

/** What placing a hold came to: the hold and its place in the queue (1 = next), or why not. */
public sealed interface HoldResult {

    record Placed(HoldView hold, int position) implements HoldResult {
    }

    record Refused(Refusal reason) implements HoldResult {
    }
}
