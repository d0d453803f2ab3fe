package org.carrel.district;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

import org.carrel.shared.Fields;
import org.carrel.shared.FormErrors;

/** The rules district settings must meet: a name, a real time zone, a language we have, a safe group size. */
final class SettingsRules {

    private SettingsRules() {
    }

    static SchoolRules.Checked<DistrictSettings> check(DistrictForm form) {
        Fields fields = new Fields();
        String name = fields.required("name", form.name(), 200);
        String zone = fields.required("timeZone", form.timeZone(), 60);
        if (zone != null) {
            try {
                zone = ZoneId.of(zone).getId();
            } catch (DateTimeException e) {
                fields.refuse("timeZone", "district.timeZone.invalid");
            }
        }
        String language = form.defaultLanguage() == null ? "" : form.defaultLanguage().strip().toLowerCase(Locale.ROOT);
        if (!language.equals("en") && !language.equals("es")) {
            fields.refuse("defaultLanguage", "district.language.invalid");
        }
        int minGroup = minGroupSize(fields, form.minGroupSize());
        ReadingHistoryPolicy policy = null;
        try {
            policy = ReadingHistoryPolicy.valueOf(String.valueOf(form.readingHistoryPolicy()).strip()
                    .toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fields.refuse("readingHistoryPolicy", "district.readingHistory.invalid");
        }
        return fields.any() ? new SchoolRules.Checked<>(null, fields.errors())
                : new SchoolRules.Checked<>(new DistrictSettings(name, zone, language, minGroup, policy, 0),
                FormErrors.NONE);
    }

    /** Below five, a published count could single out a student (DESIGN: privacy 4). */
    private static int minGroupSize(Fields fields, String text) {
        if (text == null || text.isBlank()) {
            fields.refuse("minGroupSize", "form.required");
            return 0;
        }
        try {
            int size = Integer.parseInt(text.strip());
            if (size < DistrictSettings.LOWEST_MIN_GROUP_SIZE || size > 1000) {
                fields.refuse("minGroupSize", "district.minGroupSize.invalid");
            }
            return size;
        } catch (NumberFormatException e) {
            fields.refuse("minGroupSize", "district.minGroupSize.invalid");
            return 0;
        }
    }
}
