package org.carrel.notifications;

/** A new-arrival subscription as typed on the teacher's form; {@code version} is null for a new one. */
public record SubscriptionForm(String name, String subjects, String dewey, String grades, String keywords,
                               Long version) {

    public static final SubscriptionForm EMPTY = new SubscriptionForm("", "", "", "", "", null);

    static SubscriptionForm of(Subscription s) {
        ArrivalCriteria c = s.criteria();
        return new SubscriptionForm(text(s.name()), text(c.subjects()), text(c.dewey()), text(c.grades()),
                text(c.keywords()), s.version());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
