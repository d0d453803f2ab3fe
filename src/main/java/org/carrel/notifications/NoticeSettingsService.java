package org.carrel.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carrel.accounts.AuditLog;
import org.carrel.shared.FormErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and checks the district's notice settings ({@link NoticeSettings}); a change is audited. */
@Service
class NoticeSettingsService {

    private final NoticeSettingsStore store;
    private final AuditLog audit;

    NoticeSettingsService(NoticeSettingsStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    NoticeSettings get() {
        return store.get();
    }

    /** Saves the form; the problems by field when it cannot ({@code version}: someone saved first). */
    @Transactional
    FormErrors save(NoticeSettingsPages.SettingsForm form, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        int courtesy = number(form.courtesyDaysBefore(), 0, 30, "courtesyDaysBefore", errors);
        int first = number(form.overdueFirstDays(), 0, 90, "overdueFirstDays", errors);
        int second = number(form.overdueSecondDays(), 1, 180, "overdueSecondDays", errors);
        int hold = number(form.holdExpiringDaysBefore(), 0, 30, "holdExpiringDaysBefore", errors);
        if (errors.isEmpty() && second <= first) {
            errors.put("overdueSecondDays", "notices.settings.secondAfterFirst");
        }
        if (!errors.isEmpty()) {
            return new FormErrors(errors);
        }
        NoticeSettings settings = new NoticeSettings(courtesy, first, second, hold, form.toStudent(),
                form.toGuardians(), form.homeroomDigest(), form.homeroomDigestTitles(), form.version());
        if (!store.update(settings)) {
            return FormErrors.of("version", "notices.settings.conflict");
        }
        audit.record(actor, "notifications.settings.saved", "notice_settings", 1, settings.toString());
        return FormErrors.NONE;
    }

    private static int number(String text, int min, int max, String field, Map<String, String> errors) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, "notices.settings." + field + ".invalid");
        return 0;
    }
}
