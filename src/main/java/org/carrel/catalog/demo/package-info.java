/**
 * The demo catalogue: a few hundred real, well-known K-12 titles (picture books to young adult fiction, non-fiction
 * across the ten Dewey classes, Spanish titles, DVDs, audiobooks, ebooks and lendable equipment), read from
 * {@code demo/catalog.tsv} on the classpath as {@link org.carrel.catalog.marc.BasicDescription}s for the seeder.
 */
package org.carrel.catalog.demo;
