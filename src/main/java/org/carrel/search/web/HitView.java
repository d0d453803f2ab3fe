package org.carrel.search.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.carrel.search.SearchHit;

/**
 * A record found, as a result list shows it: its link, its cover placeholder (a coloured block with the format's
 * icon and the title's initial, drawn here so that no cover is fetched from another site) and where copies are,
 * the reader's school first. Public only for the templates.
 *
 * @param holdings     schools with copies, the reader's school first, at most as many as asked for
 * @param otherSchools how many more schools hold copies
 */
public record HitView(SearchHit hit, String href, String initial, String icon, List<Holding> holdings,
                      int otherSchools) {

    /** "2 of 3 on the shelf at Oak Hill". */
    public record Holding(String school, int available, int copies, boolean mine) {
    }

    static HitView of(SearchHit hit, String href, Labels labels, String mySchoolId, int maxSchools) {
        List<SearchHit.Availability> all = new ArrayList<>(hit.availability() == null ? List.of() : hit.availability());
        all.sort(Comparator.comparing((SearchHit.Availability a) -> !String.valueOf(a.schoolId()).equals(mySchoolId)));
        List<Holding> holdings = all.stream().limit(maxSchools)
                .map(a -> new Holding(labels.school(a.schoolId()), a.available(), a.copies(),
                        String.valueOf(a.schoolId()).equals(mySchoolId)))
                .toList();
        return new HitView(hit, href, initial(hit.title()), icon(hit.format()), holdings,
                all.size() - holdings.size());
    }

    /** Whether the reader's school has a copy of this title. */
    public boolean atMySchool() {
        return holdings.stream().anyMatch(Holding::mine);
    }

    /** The first letter or digit of the title, skipping an opening article's punctuation. */
    static String initial(String title) {
        if (title == null) {
            return "?";
        }
        return title.codePoints().filter(Character::isLetterOrDigit).findFirst()
                .stream().mapToObj(c -> new String(Character.toChars(c)).toUpperCase(Locale.ROOT))
                .findFirst().orElse("?");
    }

    /** The format's icon in {@code search/cover.jte}; also its colour class. */
    static String icon(String format) {
        if (format == null) {
            return "other";
        }
        switch (format) {
            case "BOOK":
            case "LARGE_PRINT":
            case "SERIAL":
                return "book";
            case "EBOOK":
            case "COMPUTER_FILE":
                return "screen";
            case "AUDIOBOOK":
            case "MUSIC":
                return "audio";
            case "VIDEO":
                return "video";
            default:
                return "other";
        }
    }
}
