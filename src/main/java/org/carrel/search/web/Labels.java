package org.carrel.search.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * Names of the values the search reports, in the page's language: schools by name instead of id, formats, grade
 * bands, Lexile bands, guided reading levels, decades, Dewey classes and MARC language codes.
 */
final class Labels {

    private final MessageSource messages;
    private final Locale locale;
    private final Map<Long, String> schoolNames;

    Labels(MessageSource messages, Locale locale, Map<Long, String> schoolNames) {
        this.messages = messages;
        this.locale = locale;
        this.schoolNames = schoolNames;
    }

    String t(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    String school(long id) {
        String name = schoolNames.get(id);
        return name == null ? t("search.school.unknown", id) : name;
    }

    String school(String id) {
        try {
            return school(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return id;
        }
    }

    /** The label of one facet value of a dimension named in {@code org.carrel.search.Facets}. */
    String facetValue(String dimension, String value) {
        switch (dimension) {
            case "school":
                return school(value);
            case "available":
                return t("search.facet.availableAt", school(value));
            case "format":
                return t("catalog.format." + value);
            case "gradeBand":
                return t("search.gradeBand." + value);
            case "lexile":
                int low = Integer.parseInt(value);
                return low == 0 ? t("search.lexile.beginning") : t("search.lexile.band", low, low + 199);
            case "guided":
                return t("search.guided.level", value);
            case "decade":
                return t("search.decade", value);
            case "dewey":
                return t("search.dewey." + value);
            case "language":
                return language(value);
            default:
                return value;
        }
    }

    /** A MARC language code by its name ({@code spa}: Spanish, Español); the code itself when Java does not know it. */
    String language(String code) {
        String name = new Locale(code).getDisplayLanguage(locale);
        if (name.isEmpty() || name.equalsIgnoreCase(code)) {
            return code;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** The BCP 47 tag for a MARC language code, for {@code lang} attributes; null when unknown. */
    static String languageTag(String marcCode) {
        if (marcCode == null) {
            return null;
        }
        for (String two : Locale.getISOLanguages()) {
            Locale candidate = new Locale(two);
            if (candidate.getISO3Language().equals(marcCode)) {
                return two;
            }
        }
        // MARC keeps the ISO 639-2 bibliographic codes where they differ from the terminology codes Java knows.
        Map<String, String> bibliographic = Map.of("fre", "fr", "ger", "de", "chi", "zh", "dut", "nl", "gre", "el",
                "arm", "hy", "per", "fa", "cze", "cs", "rum", "ro", "wel", "cy");
        return bibliographic.get(marcCode);
    }
}
