package org.carrel.district;

/** The district settings as edited: name, IANA time zone, default language (en, es), group size and policy. */
public record DistrictForm(String name, String timeZone, String defaultLanguage, String minGroupSize,
                           String readingHistoryPolicy, Long version) {

    public static DistrictForm of(DistrictSettings settings) {
        return new DistrictForm(settings.name(), settings.timeZone(), settings.defaultLanguage(),
                String.valueOf(settings.minGroupSize()), settings.readingHistoryPolicy().name(), settings.version());
    }
}
