package org.carrel.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrel.accounts.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wording of each notice type in English and Spanish: shipped in {@code notifications/templates/KIND.LANG.txt}
 * (a {@code Subject:} line, a blank line, the body), editable by the district admin (table {@code notice_template}),
 * with a preview on sample data. Placeholders are {@code {{name}}}; each kind allows its own ({@link #PLACEHOLDERS}),
 * and an edit with another, or without the list of items where a kind needs one, is refused.
 */
@Service
public class NoticeTemplates {

    public static final List<String> LANGUAGES = List.of("en", "es");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z]+)\\s*}}");
    private static final int MAX_SUBJECT = 200;
    private static final int MAX_BODY = 10_000;

    /** The placeholders each kind may use; the first is required (the list of items, or the sections). */
    static final Map<NoticeKind, List<String>> PLACEHOLDERS = new EnumMap<>(NoticeKind.class);

    static {
        for (NoticeKind kind : NoticeKind.values()) {
            PLACEHOLDERS.put(kind, List.of("items", "patron", "recipient", "school", "date"));
        }
        PLACEHOLDERS.put(NoticeKind.LETTER, List.of("sections", "patron", "recipient", "school", "date"));
        PLACEHOLDERS.put(NoticeKind.HOMEROOM_DIGEST, List.of("items", "recipient", "school", "date"));
        PLACEHOLDERS.put(NoticeKind.NEW_ARRIVALS, List.of("items", "recipient", "school", "date", "link"));
        PLACEHOLDERS.put(NoticeKind.ANNOUNCEMENT, List.of("message", "items", "recipient", "school", "date"));
    }

    /** A template: {@code edited} when the district's wording replaces the shipped one. */
    public record Template(NoticeKind kind, String language, String subject, String body, boolean edited) {
    }

    /** A template filled in. */
    public record Rendered(String subject, String body) {
    }

    /** The outcome of an edit: {@code problem} is a message key (with {@code args}) when refused. */
    public record Saved(String field, String problem, List<Object> args) {

        static final Saved OK = new Saved(null, null, List.of());

        public boolean ok() {
            return problem == null;
        }
    }

    private final NoticeTemplateStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Template> shipped = new LinkedHashMap<>();

    NoticeTemplates(NoticeTemplateStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        for (NoticeKind kind : NoticeKind.values()) {
            for (String language : LANGUAGES) {
                shipped.put(kind + "." + language, read(kind, language));
            }
        }
    }

    /** The wording in use for a kind and language ({@code en} for a language without one). */
    @Transactional(readOnly = true)
    public Template template(NoticeKind kind, String language) {
        String lang = language(language);
        return store.find(kind, lang).orElseGet(() -> shipped.get(kind + "." + lang));
    }

    /** The wording of every kind and language as it is now, read once: for a run that writes many messages. */
    @Transactional(readOnly = true)
    public Wording wording() {
        Map<String, Template> edited = new HashMap<>();
        store.all().forEach(t -> edited.put(t.kind() + "." + t.language(), t));
        return (kind, language) -> {
            String key = kind + "." + language(language);
            return edited.getOrDefault(key, shipped.get(key));
        };
    }

    /** The wording of notices at one moment. */
    @FunctionalInterface
    public interface Wording {

        /** The template of the kind in the language ({@code en} for a language without one). */
        Template of(NoticeKind kind, String language);
    }

    /** The language a recipient's messages are written in: theirs if there are templates in it, else English. */
    public static String language(String preferred) {
        return LANGUAGES.contains(preferred) ? preferred : "en";
    }

    /** Every template in use, by kind then language. */
    @Transactional(readOnly = true)
    public List<Template> all() {
        return shipped.values().stream().map(t -> template(t.kind(), t.language())).toList();
    }


    /** Checks and stores the district's wording. */
    @Transactional
    public Saved save(NoticeKind kind, String language, String subject, String body, String actor) {
        Saved problem = check(kind, language, subject, body);
        if (!problem.ok()) {
            return problem;
        }
        store.replace(kind, language, subject.strip(), normalise(body), actor, clock.instant());
        audit.record(actor, "notifications.template.saved", "notice_template", kind + "." + language, null);
        return Saved.OK;
    }

    /** Back to the shipped wording. */
    @Transactional
    public void reset(NoticeKind kind, String language, String actor) {
        if (store.delete(kind, language)) {
            audit.record(actor, "notifications.template.reset", "notice_template", kind + "." + language, null);
        }
    }

    /** Checks an edit without storing it. */
    public Saved check(NoticeKind kind, String language, String subject, String body) {
        if (!LANGUAGES.contains(language)) {
            return new Saved("language", "notices.template.language", List.of(String.valueOf(language)));
        }
        if (subject == null || subject.isBlank() || subject.strip().length() > MAX_SUBJECT || subject.contains("\n")) {
            return new Saved("subject", "notices.template.subject", List.of(MAX_SUBJECT));
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            return new Saved("body", "notices.template.body", List.of(MAX_BODY));
        }
        List<String> allowed = PLACEHOLDERS.get(kind);
        for (String[] field : new String[][] {{"subject", subject}, {"body", body}}) {
            Set<String> unknown = new TreeSet<>(placeholders(field[1]));
            unknown.removeAll(allowed);
            if (!unknown.isEmpty()) {
                return new Saved(field[0], "notices.template.unknown",
                        List.of(String.join(", ", unknown), String.join(", ", allowed)));
            }
        }
        if (!placeholders(body).contains(allowed.get(0))) {
            return new Saved("body", "notices.template.required", List.of(allowed.get(0)));
        }
        return Saved.OK;
    }

    /** Fills in a template's placeholders; unknown ones stay as written. */
    public static Rendered render(String subject, String body, Map<String, String> values) {
        return new Rendered(fill(subject, values).strip().replaceAll("\\s+", " "), fill(body, values));
    }

    public static Rendered render(Template template, Map<String, String> values) {
        return render(template.subject(), template.body(), values);
    }

    /** The placeholders of the kind, filled with sample values for a preview. */
    public static Map<String, String> sample(NoticeKind kind, String language) {
        boolean es = "es".equals(language);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("recipient", "Maria Lopez");
        values.put("patron", "Ana Lopez");
        values.put("school", "Lincoln Elementary");
        values.put("date", "2026-11-30");
        values.put("link", "https://library.example.org/catalog/new");
        values.put("message", es ? "Vengan a ver los nuevos libros de ciencias."
                : "Come and see our new science books.");
        values.put("items", switch (kind) {
            case HOMEROOM_DIGEST -> "- Ana Lopez: 1 item, due 2026-11-20\n- Ben Ortiz: 2 items, due 2026-11-24\n";
            case CHARGE -> "- Lost: Hatchet (31234000123456): $15.00\n";
            case NEW_ARRIVALS, ANNOUNCEMENT -> "- Owls of North America / Mark Harris (598.97 HAR)\n";
            default -> "- Hatchet (31234000123456), " + (es ? "vence" : "due") + " 2026-11-20\n";
        });
        values.put("sections", "These items borrowed by Ana Lopez are overdue:\n- Hatchet, due 2026-11-20\n");
        return values;
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String normalise(String body) {
        return body.replace("\r\n", "\n").strip() + "\n";
    }

    private static Template read(NoticeKind kind, String language) {
        String name = "/notifications/templates/" + kind + "." + language + ".txt";
        try (InputStream in = NoticeTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String first = text.substring(0, end);
            if (!first.startsWith("Subject: ")) {
                throw new IllegalStateException(name + " must start with a Subject: line");
            }
            return new Template(kind, language, first.substring("Subject: ".length()).strip(),
                    text.substring(end + 1).strip() + "\n", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
