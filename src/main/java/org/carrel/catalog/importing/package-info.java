/**
 * Importing catalogue data from files. {@link org.carrel.catalog.importing.MarcFileReader} streams ISO 2709 and
 * MARCXML files one record at a time, turning every record into UTF-8 NFC or into a numbered, located reason why it
 * cannot be read; {@link org.carrel.catalog.importing.HoldingsMapping} turns the holdings fields of a record (852, 949,
 * 952) into item drafts. Both are pure: no database, no Spring.
 */
package org.carrel.catalog.importing;
