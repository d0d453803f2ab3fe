package org.carrel.circulation.web;

/** One option of a select on the rule pages: the value sent and the label shown. */
public record Choice(String value, String label) {
}
