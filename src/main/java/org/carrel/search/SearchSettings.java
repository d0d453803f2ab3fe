package org.carrel.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the index lives and whether this process keeps it current.
 *
 * @param dir           the index folder; {@code memory} keeps it in memory (tests); empty means
 *                      {@code <data folder>/search}
 * @param followCatalog false in admin-command processes: they do not open the index, they mark it stale when they
 *                      change the catalogue so the server rebuilds it at its next start
 */
@ConfigurationProperties("carrel.search")
record SearchSettings(String dir, Boolean followCatalog) {

    static final String MEMORY = "memory";

    SearchSettings {
        dir = dir == null ? "" : dir.strip();
        followCatalog = followCatalog == null || followCatalog;
    }
}
