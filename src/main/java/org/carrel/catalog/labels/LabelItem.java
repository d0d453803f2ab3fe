package org.carrel.catalog.labels;

/**
 * One copy to label: its barcode, its call number as the library writes it ({@code 599.75 SMI}), its title and the
 * school that owns it. Only the barcode is required; the other parts may be null or blank.
 */
public record LabelItem(String barcode, String callNumber, String title, String schoolName) {
}
