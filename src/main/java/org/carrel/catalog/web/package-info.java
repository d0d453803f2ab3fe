/**
 * The staff catalogue pages: finding records by title or a copy by barcode, a record's display and its tagged MARC,
 * the simple original-cataloguing form, the line-by-line MARC editor ({@link org.carrel.catalog.web.MarcLines}), the
 * forms that add, edit, change the status of and delete copies; the MARC import upload with its progress and report,
 * the export download, the shelf list and the label print queue. Internal to the catalog module; calls the
 * {@link org.carrel.catalog.Catalog}, {@link org.carrel.catalog.MarcImports} and {@link org.carrel.catalog.MarcExport}
 * facades, the {@code labels} package, and {@code district} for schools and locations.
 */
package org.carrel.catalog.web;
