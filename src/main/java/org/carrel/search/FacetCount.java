package org.carrel.search;

/** One value of a facet and the exact number of matching records that have it. */
public record FacetCount(String value, long count) {
}
