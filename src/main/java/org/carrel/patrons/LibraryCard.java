package org.carrel.patrons;

/** What one library card shows: the name the patron goes by, the home school's name and the patron's barcode. */
record LibraryCard(String name, String schoolName, String barcode) {
}
