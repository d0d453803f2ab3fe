package org.carrel.search;

/** A type-ahead completion: a title, author or subject in the catalogue. */
public record Suggestion(String text, Kind kind) {

    public enum Kind { TITLE, AUTHOR, SUBJECT }
}
