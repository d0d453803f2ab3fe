package org.carrel.patrons;

import java.time.OffsetDateTime;
import java.util.List;

import org.carrel.district.Grade;

/**
 * A patron in full, for staff allowed to see personal data (every read of it is audited by {@link Patrons}).
 * {@code grade}, {@code homeroom}, {@code studentNumber} and {@code graduationYear} are for students.
 * {@code accountUsername} is the user name of the linked sign-in account (null when none); {@code erasedAt} is set
 * once the patron's personal data was erased ({@link PatronRecords#erase}).
 */
public record PatronView(long id, PatronType type, PatronStatus status, String givenName, String familyName,
                         String preferredName, long schoolId, String barcode, String studentNumber, Grade grade,
                         Homeroom homeroom, Integer graduationYear, String email, String preferredLanguage,
                         boolean keepHistory, Long accountId, String sourceId, String notes,
                         List<PatronBlock> blocks, List<PatronSummary> guardians, List<PatronSummary> students,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt, long version, String accountUsername,
                         OffsetDateTime erasedAt) {

    /** A homeroom or class: its id and name. */
    public record Homeroom(long id, String name) {
    }

    /** The name the patron goes by: the preferred name, else the given name, then the family name. */
    public String displayName() {
        return Names.display(givenName, preferredName, familyName);
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public boolean blocked() {
        return blocks.stream().anyMatch(PatronBlock::active);
    }

    public PatronSummary summary() {
        return new PatronSummary(id, displayName(), barcode, schoolId, type, status);
    }
}
