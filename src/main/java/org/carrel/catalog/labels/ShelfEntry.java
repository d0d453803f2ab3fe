package org.carrel.catalog.labels;

import org.carrel.catalog.ItemView;

/** A line of the shelf list: a copy (with its record's title) and whether it waits in the label queue. */
public record ShelfEntry(ItemView item, boolean queued) {
}
