package org.carrel.circulation.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.carrel.catalog.ItemType;
import org.carrel.circulation.Due;
import org.carrel.circulation.LoanPeriod;
import org.carrel.circulation.LoanRule;
import org.carrel.district.Grade;
import org.carrel.district.SchoolView;
import org.carrel.patrons.PatronType;

/**
 * A loan rule and a preview in the page's language, for the rule pages' templates: the matrix's cells, a rule in
 * one line, and the preview sentence ("A grade 2 student borrowing a book at Oak Hill Elementary on 2026-12-01:
 * rule #7 (...), due on Friday 2026-12-11."). Numbers and dates go in as text, so message formats never reformat
 * them. A template makes one with the page's messages: {@code new RuleWords(page::t, page.lang())} (a function
 * rather than the web module's page, so that circulation does not depend on the web module).
 */
public final class RuleWords {

    /** The page's messages in its language, as {@code Page.t}. */
    @FunctionalInterface
    public interface Messages {
        String t(String key, Object... args);
    }

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages;
    private final Locale locale;

    public RuleWords(Messages messages, String language) {
        this.messages = messages;
        this.locale = Locale.forLanguageTag(language);
    }

    /** "Student, grades PK to 1", "Teacher", "Any patron type". */
    public String patrons(LoanRule rule) {
        if (rule.patronType() == null) {
            return messages.t("circulation.rule.anyPatron");
        }
        String type = messages.t(rule.patronType().messageKey());
        if (rule.lowestGrade() == null) {
            return type;
        }
        return type + ", " + (rule.lowestGrade().equals(rule.highestGrade())
                ? messages.t("circulation.rules.grade", rule.lowestGrade().label())
                : messages.t("circulation.rules.grades", rule.lowestGrade().label(), rule.highestGrade().label()));
    }

    /** "Book", "Any item type". */
    public String items(LoanRule rule) {
        return rule.itemType() == null ? messages.t("circulation.rule.anyItem") : itemType(rule.itemType());
    }

    public String itemType(ItemType type) {
        return messages.t("catalog.itemType." + type.name());
    }

    /** "7 days", "3 school days", "4 hours", "until 2027-06-11", "until the end of the term". */
    public String period(LoanPeriod period) {
        String key = "circulation.rules.period." + period.kind().name();
        if (period.length() != null) {
            return messages.t(key, period.length());
        }
        return period.fixedDate() == null ? messages.t(key) : messages.t(key, period.fixedDate().toString());
    }

    /** The period, or "Not for loan" for a rule that lends nothing. */
    public String lends(LoanRule rule) {
        return rule.forLoan() ? period(rule.period()) : messages.t("circulation.rules.notForLoan");
    }

    /** "Fine-free", "$0.10 a day", "$0.10 a day, at most $5.00". */
    public String fine(LoanRule rule) {
        if (rule.fineFree()) {
            return messages.t("circulation.rules.fineFree");
        }
        return rule.fineCap() == null ? messages.t("circulation.rules.fine", money(rule.dailyFine()))
                : messages.t("circulation.rules.fineCapped", money(rule.dailyFine()), money(rule.fineCap()));
    }

    /** The rule in one line: "Oak Hill Elementary, Student, grades PK to 1, any item type: 7 days, 1 at once". */
    public String summary(LoanRule rule, String schoolName) {
        String where = rule.schoolId() == null ? messages.t("circulation.rules.districtWide") : schoolName;
        if (!rule.forLoan()) {
            return messages.t("circulation.rules.summaryNotForLoan", where, patrons(rule), items(rule));
        }
        return messages.t("circulation.rules.summary", where, patrons(rule), items(rule),
                period(rule.period()), String.valueOf(rule.maxLoans()));
    }

    /** "rule #7". */
    public String ruleNumber(LoanRule rule) {
        return messages.t("circulation.rules.ruleNumber", String.valueOf(rule.id()));
    }

    /** "A grade 2 student", "A teacher". */
    public String who(PatronType type, Grade grade) {
        if (type == PatronType.STUDENT) {
            return grade == null ? messages.t("circulation.preview.studentNoGrade")
                    : messages.t("circulation.preview.student", grade.label());
        }
        return messages.t("circulation.preview.patron." + type.name());
    }

    /** "a book", "a DVD". */
    public String what(ItemType type) {
        return messages.t("circulation.preview.item." + type.name());
    }

    /** "Friday 2026-12-11", and the time for an hourly loan: "Friday 2026-12-11 at 14:30". */
    public String due(Due due, LoanPeriod period) {
        String day = dayName(due.day()) + " " + due.day();
        return period.kind() == LoanPeriod.Kind.HOURS
                ? messages.t("circulation.preview.dueAt", day, due.at().toLocalTime().format(HOUR_MINUTE)) : day;
    }

    public String dayName(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
    }

    /** The patron types, after an "any" choice when {@code anyKey} is set. */
    public List<Choice> patronTypeChoices(String anyKey) {
        List<Choice> choices = new ArrayList<>();
        if (anyKey != null) {
            choices.add(new Choice("", messages.t(anyKey)));
        }
        for (PatronType type : PatronType.values()) {
            choices.add(new Choice(type.name(), messages.t(type.messageKey())));
        }
        return choices;
    }

    /** The item types, after an "any" choice when {@code anyKey} is set. */
    public List<Choice> itemTypeChoices(String anyKey) {
        List<Choice> choices = new ArrayList<>();
        if (anyKey != null) {
            choices.add(new Choice("", messages.t(anyKey)));
        }
        for (ItemType type : ItemType.values()) {
            choices.add(new Choice(type.name(), itemType(type)));
        }
        return choices;
    }

    /** A blank choice, then PK, K and 1 to 12. */
    public List<Choice> gradeChoices(String blankKey) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", messages.t(blankKey)));
        for (int value = -1; value <= 12; value++) {
            String label = Grade.of(value).label();
            choices.add(new Choice(label, label));
        }
        return choices;
    }

    public List<Choice> periodChoices() {
        List<Choice> choices = new ArrayList<>();
        for (LoanPeriod.Kind kind : LoanPeriod.Kind.values()) {
            choices.add(new Choice(kind.name(), messages.t("circulation.period." + kind.name())));
        }
        return choices;
    }

    /** The schools by id, after "district-wide" (blank) when the person may edit district-wide rules. */
    public List<Choice> schoolChoices(List<SchoolView> schools, boolean districtWide) {
        List<Choice> choices = new ArrayList<>();
        if (districtWide) {
            choices.add(new Choice("", messages.t("circulation.rule.districtWide")));
        }
        schools.forEach(school -> choices.add(new Choice(String.valueOf(school.id()), school.name())));
        return choices;
    }

    private static String money(BigDecimal amount) {
        return "$" + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
