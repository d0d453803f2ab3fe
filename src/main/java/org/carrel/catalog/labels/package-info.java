/**
 * Spine and barcode labels for processing books, the per-school print queue, and the shelf list they are chosen from.
 *
 * <p>{@link org.carrel.catalog.labels.Labels} lays out {@link org.carrel.catalog.labels.LabelItem}s on a
 * {@link org.carrel.catalog.labels.LabelSheet}, starting at any position so a part-used sheet can go back in the
 * printer. Everything is drawn at absolute positions (OpenPDF) and barcodes are vector bars from ZXing's encoders,
 * so a label lands on the same spot whatever its text; that part is pure Java.
 *
 * <p>{@link org.carrel.catalog.labels.LabelQueue} keeps the copies waiting for labels per school (table
 * {@code label_queue}) and prints them; {@link org.carrel.catalog.labels.ShelfList} pages a school's copies in shelf
 * order with their queue marks. Both ask the {@link org.carrel.catalog.Copies} facade for copies.
 *
 * <p>A named interface: {@code patrons} draws library cards with the same font, boxes, symbologies and bars
 * ({@link org.carrel.catalog.labels.LabelFont}, {@link org.carrel.catalog.labels.LabelBox},
 * {@link org.carrel.catalog.labels.Symbology}, {@link org.carrel.catalog.labels.BarcodeBars}).
 */
@org.springframework.modulith.NamedInterface("labels")
package org.carrel.catalog.labels;
