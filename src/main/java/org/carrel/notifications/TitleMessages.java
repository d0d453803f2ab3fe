package org.carrel.notifications;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.carrel.patrons.PatronContacts.Contact;
import org.springframework.stereotype.Component;

/**
 * A message to a teacher about titles (the weekly digest, a librarian's announcement): in the teacher's language,
 * {@code {{items}}} a line per title ("Title / Author (call number)") with the address of its catalogue page, and a
 * copy to print when the teacher has no address.
 */
@Component
class TitleMessages {

    private final Links links;

    TitleMessages(Links links) {
        this.links = links;
    }

    /**
     * The message of {@code kind} to the teacher about {@code titles}; {@code values} fills the kind's own
     * placeholders ({@code link}, {@code message}); {@code about} is the patron it is about (null: none).
     */
    NoticeRuns.Planned toTeacher(NoticeKind kind, NoticeTemplates.Wording wording, Contact teacher, String schoolName,
                                 LocalDate date, List<Arrival> titles, Map<String, String> values, Long about) {
        String language = NoticeTemplates.language(teacher.language());
        Map<String, String> all = new HashMap<>(values);
        all.put("recipient", teacher.name());
        all.put("school", schoolName);
        all.put("date", NoticeRuns.date(date, Locale.forLanguageTag(language + "-US")));
        all.put("items", titles.stream().map(a -> "- " + a.line() + "\n  " + links.record(a.recordId()) + "\n")
                .collect(Collectors.joining()));
        NoticeTemplates.Rendered text = NoticeTemplates.render(wording.of(kind, language), all);
        return new NoticeRuns.Planned(kind, List.of(kind), teacher.email() == null ? "print" : "teacher",
                teacher.id(), teacher.name(), teacher.email(), language, about, about == null ? null : teacher.name(),
                titles.stream().map(Arrival::line).toList(), text.subject(), text.body(), null);
    }
}
