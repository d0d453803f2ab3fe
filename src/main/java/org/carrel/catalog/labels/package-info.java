/**
 * Spine and barcode labels for processing books, as PDF to print on common label sheets.
 *
 * <p>{@link org.carrel.catalog.labels.Labels} lays out {@link org.carrel.catalog.labels.LabelItem}s on a
 * {@link org.carrel.catalog.labels.LabelSheet}, starting at any position so a part-used sheet can go back in the
 * printer. Everything is drawn at absolute positions (OpenPDF) and barcodes are vector bars from ZXing's encoders,
 * so a label lands on the same spot whatever its text. Pure Java: no Spring, no database.
 */
package org.carrel.catalog.labels;
