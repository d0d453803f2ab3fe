package org.carrel.patrons;

/** A line of a roster that was not imported: the file, its line number (1 is the header) and why. */
public record RosterProblem(String file, long line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
