package org.carrel.circulation;

/**
 * The district's circulation settings as typed on the form, checked by {@link LoanRules#updateSettings}:
 * {@code lostAfterDays} (1..365), {@code holdShelfDays} (1..60), {@code teachersFirst} and
 * {@code interSchoolHolds} ({@code true} when ticked), {@code defaultReplacement} (dollars and cents).
 */
public record CirculationSettingsForm(String lostAfterDays, String holdShelfDays, String teachersFirst,
                                      String interSchoolHolds, String defaultReplacement, Long version) {

    public static CirculationSettingsForm of(CirculationSettings settings) {
        return new CirculationSettingsForm(String.valueOf(settings.lostAfterDays()),
                String.valueOf(settings.holdShelfDays()), settings.teachersFirst() ? "true" : "",
                settings.interSchoolHolds() ? "true" : "", settings.defaultReplacement().toPlainString(),
                settings.version());
    }
}
