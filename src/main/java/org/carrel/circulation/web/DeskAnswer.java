package org.carrel.circulation.web;

import java.util.ArrayList;
import java.util.List;

import org.carrel.circulation.Refusal;

/**
 * What the desk says after a scan, in the page's live region: a headline, lines below it, and for an overridable
 * refusal (to staff who may override) a small form to go ahead with a reason. {@code refusal} names the reason
 * (message key {@code circulation.refusal.NAME}) when the act was refused.
 */
public record DeskAnswer(Kind kind, Line headline, List<Line> lines, Refusal refusal, OverrideOffer offer) {

    /** How the answer looks: done, refused, or neither (a patron scanned, a problem with the input). */
    public enum Kind { DONE, REFUSED, NOTE }

    /** A message key with its arguments; {@code reasonKey}, if set, is a second message added after it. */
    public record Line(String key, List<Object> args, String reasonKey) {
        public Line {
            args = List.copyOf(args);
        }

        public Object[] arguments() {
            return args.toArray();
        }
    }

    /** The act to go ahead with: {@code reasonMissing} when it was sent without a reason. */
    public record OverrideOffer(DeskMode mode, String barcode, Refusal reason, boolean reasonMissing) {
    }

    public DeskAnswer {
        lines = List.copyOf(lines);
    }

    static Line line(String key, Object... args) {
        return new Line(key, List.of(args), null);
    }

    static DeskAnswer done(Line headline, List<Line> lines) {
        return new DeskAnswer(Kind.DONE, headline, lines, null, null);
    }

    static DeskAnswer note(String key, Object... args) {
        return new DeskAnswer(Kind.NOTE, line(key, args), List.of(), null, null);
    }

    /** A refusal: the headline, the reason's own message, the limit when one was reached, and maybe an offer. */
    static DeskAnswer refused(Line headline, Refusal reason, String detail, OverrideOffer offer) {
        List<Line> lines = new ArrayList<>();
        lines.add(line(reason.messageKey()));
        if (reason == Refusal.LOAN_LIMIT_REACHED && detail != null) {
            lines.add(line("circulation.desk.limit", detail));
        }
        return new DeskAnswer(Kind.REFUSED, headline, lines, reason, offer);
    }

    DeskAnswer with(Line more) {
        List<Line> all = new ArrayList<>(lines);
        all.add(more);
        return new DeskAnswer(kind, headline, all, refusal, offer);
    }
}
