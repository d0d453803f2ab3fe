package org.carrel.catalog.web;

/** A message for the label page: a message key (or a sentence already worded for the librarian) and its arguments. */
public record LabelNotice(String key, Object... arguments) {
}
