/**
 * Search: the embedded Lucene index of the catalogue in the data folder ({@code search/}), the public catalogue's
 * and staff's queries with facets, spelling help and type-ahead, and the public catalogue pages.
 *
 * <p>Publishes the facade {@link org.carrel.search.Search} and its records. Listens to {@code CatalogEvents} and
 * re-reads the changed records through {@code Catalog}. Command: {@code reindex}. Sub-package {@code web}: the public
 * catalogue pages and the search API.
 *
 * <p>Calls {@code catalog}, {@code district} (schools), {@code accounts} (permissions) and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.carrel.search;
