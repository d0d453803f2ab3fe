package org.carrel.catalog;

/** A line of the shelf list: a copy, its record's title, and whether it waits in a label queue. */
public record ShelfEntry(ItemView item, String title, boolean queued) {
}
