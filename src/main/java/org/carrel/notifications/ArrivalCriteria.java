package org.carrel.notifications;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.carrel.search.GradeBand;
import org.carrel.search.RecordProfile;

/**
 * What a teacher follows among new titles, each part optional, all given parts to match:
 * <ul>
 * <li>{@code subjects}: headings' words, several separated by commas ("Birds, Ecosystems"); a record matches one of
 * them when every word of it is in one of its subject headings or genres ("birds" matches "Birds -- North America");
 * <li>{@code dewey}: a class ({@code 598.2}) or range ({@code 590-599}) of the call number ({@link DeweyRange});
 * <li>{@code grades}: a grade or band ({@code 3-5}, {@code K-2}) overlapping the record's grade bands; a record that
 * gives no level does not match ({@link GradeRange});
 * <li>{@code keywords}: words that must all be in the title, subjects or summary.
 * </ul>
 * Words are compared as the search index compares them (folded, lower-case, English stems: "owls" finds "Owl").
 * The fields hold the criteria as written back after reading (null when not given).
 */
public record ArrivalCriteria(String subjects, String dewey, String grades, String keywords) {

    public static final int MAX_SUBJECTS = 300;
    public static final int MAX_KEYWORDS = 200;
    public static final ArrivalCriteria ANY = new ArrivalCriteria(null, null, null, null);

    /** Criteria read from what was typed, or the problems by field name (message keys). */
    public record Read(ArrivalCriteria criteria, Map<String, String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads criteria as typed (blank parts are not given); each problem is named by its field. */
    public static Read read(String subjects, String dewey, String grades, String keywords) {
        Map<String, String> problems = new LinkedHashMap<>();
        String subjectText = blank(subjects) ? null : subjectList(subjects, problems);
        String deweyText = null;
        if (!blank(dewey)) {
            Typed<DeweyRange> range = DeweyRange.parse(dewey);
            deweyText = range.ok() ? range.value().text() : problem(problems, "dewey", range.problem());
        }
        String gradeText = null;
        if (!blank(grades)) {
            Typed<GradeRange> range = GradeRange.parse(grades);
            gradeText = range.ok() ? range.value().text() : problem(problems, "grades", range.problem());
        }
        String keywordText = null;
        if (!blank(keywords)) {
            keywordText = keywords.strip().replaceAll("\\s+", " ");
            if (keywordText.length() > MAX_KEYWORDS) {
                keywordText = problem(problems, "keywords", "notices.subscriptions.keywords.tooLong");
            } else if (RecordProfile.words(keywordText).isEmpty()) {
                keywordText = problem(problems, "keywords", "notices.subscriptions.keywords.noWords");
            }
        }
        return new Read(new ArrivalCriteria(subjectText, deweyText, gradeText, keywordText), problems);
    }

    private static String subjectList(String typed, Map<String, String> problems) {
        if (typed.strip().length() > MAX_SUBJECTS) {
            return problem(problems, "subjects", "notices.subscriptions.subjects.tooLong");
        }
        List<String> entries = Arrays.stream(typed.split("[,;\\n]")).map(s -> s.strip().replaceAll("\\s+", " "))
                .filter(s -> !s.isEmpty()).toList();
        if (entries.isEmpty() || entries.stream().anyMatch(s -> RecordProfile.words(s).isEmpty())) {
            return problem(problems, "subjects", "notices.subscriptions.subjects.noWords");
        }
        return String.join(", ", entries);
    }

    private static String problem(Map<String, String> problems, String field, String key) {
        problems.put(field, key);
        return null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Whether nothing is given: every new title matches. */
    public boolean isEmpty() {
        return subjects == null && dewey == null && grades == null && keywords == null;
    }

    /** The criteria as parameters of the new-arrivals page and feed ({@code subject=...&dewey=...}), or "". */
    public String query() {
        StringJoiner query = new StringJoiner("&");
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("subject", subjects);
        parts.put("dewey", dewey);
        parts.put("grades", grades);
        parts.put("keywords", keywords);
        parts.forEach((name, value) -> {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** The criteria ready to test records; read once, test many. */
    Filter filter() {
        List<List<String>> subjectWords = new ArrayList<>();
        if (subjects != null) {
            Arrays.stream(subjects.split(",")).map(RecordProfile::words).filter(w -> !w.isEmpty())
                    .forEach(subjectWords::add);
        }
        return new Filter(subjectWords, dewey == null ? null : DeweyRange.parse(dewey).value(),
                grades == null ? null : GradeRange.parse(grades).value().bands(),
                keywords == null ? List.of() : RecordProfile.words(keywords));
    }

    /** Criteria read for testing records: each part null or empty when not given. */
    record Filter(List<List<String>> subjects, DeweyRange dewey, Set<GradeBand> grades, List<String> keywords) {

        boolean matches(RecordProfile record) {
            return (subjects.isEmpty() || subjects.stream().anyMatch(words -> inOneHeading(words, record)))
                    && (dewey == null || dewey.contains(record.dewey()))
                    && (grades == null || record.gradeBands().stream().anyMatch(grades::contains))
                    && record.words().containsAll(keywords);
        }

        private static boolean inOneHeading(List<String> words, RecordProfile record) {
            return record.headings().stream().anyMatch(heading -> heading.containsAll(words));
        }
    }
}
