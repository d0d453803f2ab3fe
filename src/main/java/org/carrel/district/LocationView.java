package org.carrel.district;

/** A shelving location of a school library, e.g. {@code FIC} Fiction; listed by {@code sortOrder}, then name. */
public record LocationView(long id, long schoolId, String code, String name, int sortOrder, long version) {
}
