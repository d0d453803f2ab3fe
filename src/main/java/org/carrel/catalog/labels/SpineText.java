package org.carrel.catalog.labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A call number broken into the lines of a spine label: each whitespace-separated part on its own line
 * ({@code REF 030 WOR} reads down the spine as REF / 030 / WOR).
 *
 * <p>A Dewey number stays whole on one line ({@code 599.75}, never {@code 599} / {@code .75}): shelvers read the
 * decimal as one number, and a label that splits it is misread as class 599 followed by something else. Long ones
 * make the font smaller instead. A spine label has room for five lines; any further parts share the fifth.
 */
final class SpineText {

    static final int MAX_LINES = 5;

    private SpineText() {
    }

    static List<String> lines(String callNumber) {
        if (callNumber == null || callNumber.isBlank()) {
            return List.of();
        }
        List<String> parts = Arrays.asList(callNumber.strip().split("\\s+"));
        if (parts.size() <= MAX_LINES) {
            return parts;
        }
        List<String> lines = new ArrayList<>(parts.subList(0, MAX_LINES - 1));
        lines.add(String.join(" ", parts.subList(MAX_LINES - 1, parts.size())));
        return lines;
    }
}
