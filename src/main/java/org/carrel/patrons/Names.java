package org.carrel.patrons;

import java.text.Normalizer;
import java.util.Locale;

/** How patron names are shown and searched. */
final class Names {

    private Names() {
    }

    /** "Preferred-or-given Family". */
    static String display(String given, String preferred, String family) {
        String first = preferred == null || preferred.isBlank() ? given : preferred;
        return (first + " " + family).strip();
    }

    /**
     * The search key of a name: lower-case, accents removed, single spaces; "family given preferred", so a search by
     * the start of the family name, or of the whole key, is a prefix match.
     */
    static String key(String given, String preferred, String family) {
        return fold(family + " " + given + (preferred == null ? "" : " " + preferred));
    }

    /** Lower-case, accents removed, runs of spaces and punctuation as one space. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}']+", " ").strip();
    }
}
