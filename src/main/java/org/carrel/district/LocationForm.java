package org.carrel.district;

/** A new or edited location. A blank {@code sortOrder} puts a new location last. */
public record LocationForm(String code, String name, String sortOrder, Long version) {

    public static LocationForm of(LocationView location) {
        return new LocationForm(location.code(), location.name(), String.valueOf(location.sortOrder()),
                location.version());
    }

    public static LocationForm empty() {
        return new LocationForm("", "", "", 0L);
    }
}
