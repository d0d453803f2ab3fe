package org.carrel.notifications;

/**
 * The district's choices for circulation notices: when each goes (days before or after the due day, days before a
 * hold is released) and who gets them. A teacher's or staff member's own notices always go to them; a student's go
 * to the student and/or their guardians; homeroom teachers get a daily digest, naming titles only when chosen.
 */
public record NoticeSettings(int courtesyDaysBefore, int overdueFirstDays, int overdueSecondDays,
                             int holdExpiringDaysBefore, boolean toStudent, boolean toGuardians, boolean homeroomDigest,
                             boolean homeroomDigestTitles, long version) {
}
