/**
 * The staff cataloguing pages: finding records by title or a copy by barcode, a record's display and its tagged MARC,
 * the simple original-cataloguing form, the line-by-line MARC editor ({@link org.carrel.catalog.web.MarcLines}) and
 * the forms that add, edit, change the status of and delete copies. Internal to the catalog module; calls only the
 * {@link org.carrel.catalog.Catalog} facade and {@code district} for schools and locations.
 */
package org.carrel.catalog.web;
