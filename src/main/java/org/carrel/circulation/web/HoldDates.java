package org.carrel.circulation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The dates of a hold form, as date inputs send them ({@code 2027-03-15}): the day after which a waiting hold is
 * no longer needed, and a teacher's reservation {@code neededFrom}..{@code neededUntil} (both or neither, not in the
 * past, in order). Problems go into {@code errors} by field, as message keys.
 */
record HoldDates(LocalDate notNeededAfter, LocalDate neededFrom, LocalDate neededUntil) {

    static HoldDates read(String notNeededAfter, String neededFrom, String neededUntil, LocalDate today,
                          Map<String, String> errors) {
        LocalDate after = day("notNeededAfter", notNeededAfter, today, errors);
        LocalDate from = day("neededFrom", neededFrom, today, errors);
        LocalDate until = day("neededUntil", neededUntil, today, errors);
        if (from == null && until != null && !errors.containsKey("neededFrom")) {
            errors.put("neededFrom", "circulation.holds.reserve.bothDates");
        } else if (from != null && until == null && !errors.containsKey("neededUntil")) {
            errors.put("neededUntil", "circulation.holds.reserve.bothDates");
        } else if (from != null && until != null && until.isBefore(from)) {
            errors.put("neededUntil", "circulation.holds.reserve.order");
        }
        return new HoldDates(after, from, until);
    }

    boolean reservation() {
        return neededFrom != null || neededUntil != null;
    }

    private static LocalDate day(String field, String text, LocalDate today, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.isBefore(today)) {
                errors.put(field, "circulation.holds.date.past");
            } else if (day.isAfter(today.plusYears(2))) {
                errors.put(field, "circulation.holds.date.far");
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.put(field, "circulation.holds.date.invalid");
            return null;
        }
    }
}
