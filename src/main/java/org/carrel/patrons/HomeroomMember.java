package org.carrel.patrons;

import org.carrel.district.Grade;

/** A student on a homeroom list: name, barcode and grade only. */
public record HomeroomMember(long id, String name, String barcode, Grade grade) {
}
