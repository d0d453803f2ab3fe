package org.carrel.district;

/**
 * The district and its privacy-relevant settings. Before anyone saves them, {@link #DEFAULTS} apply (version 0).
 *
 * @param minGroupSize analytics never shows a group smaller than this (at least 5, default 10)
 */
public record DistrictSettings(String name, String timeZone, String defaultLanguage, int minGroupSize,
                               ReadingHistoryPolicy readingHistoryPolicy, long version) {

    public static final int DEFAULT_MIN_GROUP_SIZE = 10;
    public static final int LOWEST_MIN_GROUP_SIZE = 5;
    public static final DistrictSettings DEFAULTS = new DistrictSettings("", "America/New_York", "en",
            DEFAULT_MIN_GROUP_SIZE, ReadingHistoryPolicy.PATRON, 0);

    /** Whether the district has been named yet. */
    public boolean configured() {
        return !name.isBlank();
    }
}
