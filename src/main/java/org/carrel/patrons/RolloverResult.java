package org.carrel.patrons;

import java.util.List;

/** The outcome of applying a rollover: applied, or refused with the reasons (nothing was changed). */
public sealed interface RolloverResult {

    record Applied(RolloverRecord rollover) implements RolloverResult {
    }

    record Refused(List<RolloverPreview.Notice> reasons) implements RolloverResult {
    }
}
