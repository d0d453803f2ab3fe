package org.carrel.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.carrel.catalog.marc.Description;

/**
 * What a record is about as the index files it, for matching a record against criteria outside the index (a
 * teacher's new-arrival subscriptions): its grade bands (from the coded audience, interest level and grade notes,
 * as the grade-band facet), its Dewey number (as the Dewey facet reads a call number, with the decimals), the words
 * of each subject heading and genre, and the words of its title, subjects and summary. Words are the index's
 * English stems of folded, lower-cased text ({@link #words}), so "Owls" matches "owl".
 *
 * @param gradeBands the grade bands; empty when the record gives no level
 * @param dewey      the Dewey number a call number starts with ({@code 598.2}), or null
 * @param headings   the words of each subject heading and genre, one set per heading
 * @param words      the words of the title, subtitle, subjects, genres and summary
 */
public record RecordProfile(Set<GradeBand> gradeBands, String dewey, List<Set<String>> headings, Set<String> words) {

    public RecordProfile {
        gradeBands = Set.copyOf(gradeBands);
        headings = List.copyOf(headings);
        words = Set.copyOf(words);
    }

    /** The profile of a record; the Dewey number is read from {@code callNumber} (a copy's) or else the record's. */
    public static RecordProfile of(Description d, String callNumber) {
        Set<GradeBand> bands = ReadingBands.gradeBands(d.audience(), d.readingLevels(), d.audienceNote());
        String dewey = RecordDocuments.deweyNumber(callNumber);
        if (dewey == null) {
            dewey = RecordDocuments.deweyNumber(d.callNumber());
        }
        List<Set<String>> headings = new ArrayList<>();
        Set<String> words = new HashSet<>(words(d.title()));
        words.addAll(words(d.subtitle()));
        for (Collection<String> list : List.of(d.subjects(), d.genres())) {
            for (String heading : list) {
                List<String> headingWords = words(heading);
                headings.add(Set.copyOf(headingWords));
                words.addAll(headingWords);
            }
        }
        words.addAll(words(d.summary()));
        return new RecordProfile(bands, dewey, headings, words);
    }

    /** The words of a text as the index's keyword fields hold them (folded, lower-case, English stems). */
    public static List<String> words(String text) {
        return TextValue.of(text).stems();
    }

    /** The Dewey number a call number starts with ({@code 598.2} of "J 598.2 HAR"), or null. */
    public static String deweyNumber(String callNumber) {
        return RecordDocuments.deweyNumber(callNumber);
    }
}
