package org.carrel.notifications;

/** A teacher's new-arrival subscription: an optional name ("Ecosystems, grade 4") and what it follows. */
public record Subscription(long id, long patronId, String name, ArrivalCriteria criteria, long version) {

    /** The name, or the criteria written out when it has none. */
    public String label() {
        if (name != null) {
            return name;
        }
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {criteria.subjects(), criteria.dewey(), criteria.grades(),
                criteria.keywords()}) {
            if (part != null) {
                text.append(text.length() == 0 ? "" : "; ").append(part);
            }
        }
        return text.toString();
    }
}
