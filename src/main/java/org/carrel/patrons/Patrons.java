package org.carrel.patrons;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.AccountView;
import org.carrel.accounts.Accounts;
import org.carrel.accounts.AuditLog;
import org.carrel.district.District;
import org.carrel.district.Grade;
import org.carrel.district.SchoolView;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The district's patrons: students, teachers and staff, guardians and community borrowers, their blocks, guardians
 * and homerooms. Reading a patron in full ({@link #view}) writes an audit entry, as every change does, in the same
 * transaction. What anyone at the desk may see ({@link PatronSummary}: name, barcode, school, type, status) is read
 * without one. {@code actor} is the user name of whoever acts. A patron who signs in is linked to an account of the
 * {@code accounts} module by its user name ({@link PatronForm#account}); an account links to one patron at most.
 */
@Service
public class Patrons {

    /** Patrons listed by a search at most. */
    public static final int MAX_FOUND = 100;

    private final PatronStore store;
    private final BarcodeRanges ranges;
    private final District district;
    private final Accounts accounts;
    private final PatronMerge merging;
    private final AuditLog audit;
    private final Clock clock;

    Patrons(PatronStore store, BarcodeRanges ranges, District district, Accounts accounts, PatronMerge merging,
            AuditLog audit, Clock clock) {
        this.store = store;
        this.ranges = ranges;
        this.district = district;
        this.accounts = accounts;
        this.merging = merging;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Patrons by barcode or student number (exact), or by the start of any part of their name ("gar" finds Ana
     * García), by name; optionally of one school.
     */
    @Transactional(readOnly = true)
    public List<PatronSummary> find(String query, Long schoolId, int limit) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        String key = Names.fold(text);
        List<String> words = key.isEmpty() ? List.of() : List.of(key.split(" "));
        return store.find(PatronRules.normaliseBarcode(text), words, schoolId, clamp(limit));
    }

    @Transactional(readOnly = true)
    public Optional<PatronSummary> summary(long id) {
        return store.summaryById(id);
    }

    @Transactional(readOnly = true)
    public Optional<PatronSummary> byBarcode(String barcode) {
        return store.summaryByBarcode(PatronRules.normaliseBarcode(barcode));
    }

    /** The patron as circulation lends to them, by card barcode as scanned (not audited: shows nothing). */
    @Transactional(readOnly = true)
    public Optional<Borrower> borrower(String barcode) {
        return store.borrowerByBarcode(PatronRules.normaliseBarcode(barcode));
    }

    /** The patron as circulation lends to them (not audited: shows nothing). */
    @Transactional(readOnly = true)
    public Optional<Borrower> borrower(long id) {
        return store.borrowerById(id);
    }

    /**
     * For circulation: locks the patron's row until the caller's transaction ends, so two desks lending to one
     * patron at once count the patron's loans one after the other (the loan limit holds under a race).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean lockBorrower(long id) {
        return store.lock(id);
    }

    /**
     * The patron linked to a sign-in account ({@code patron.account_id}), as circulation lends to them: what a
     * signed-in student or teacher borrows as (not audited: it is their own card).
     */
    @Transactional(readOnly = true)
    public Optional<Borrower> byAccount(long accountId) {
        return store.borrowerByAccount(accountId);
    }

    /** The patron in full, for a staff member allowed to see it; the read is audited. */
    @Transactional
    public Optional<PatronView> view(long id, String actor) {
        Optional<PatronView> patron = load(id);
        patron.ifPresent(p -> audit.record(actor, "patrons.patron.viewed", "patron", id, p.barcode()));
        return patron;
    }

    @Transactional
    public PatronsResult create(PatronForm form, String actor) {
        Checked checked = check(form, null);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        PatronRules.Values values = checked.values();
        SchoolView school = checked.school();
        String barcode = values.barcode();
        if (barcode == null) {
            Optional<String> next = ranges.take(school.id(), school.code(),
                    candidate -> store.barcodeTaken(candidate, null));
            if (next.isEmpty()) {
                return PatronsResult.invalid("barcode", "patrons.barcode.rangeUsedUp");
            }
            barcode = next.get();
        }
        PatronStore.Stored stored = stored(values, school, barcode);
        long id;
        try {
            id = store.insert(stored, now());
        } catch (DuplicateKeyException race) {
            return raced();
        }
        return finish(id, values, stored, actor, "patrons.patron.created");
    }

    /** Edits a patron if nobody changed it since {@code form.version()}; an erased patron is not edited. */
    @Transactional
    public PatronsResult update(long id, PatronForm form, String actor) {
        PatronStore.Row current = store.byId(id).orElseThrow(() -> new IllegalArgumentException("no patron " + id));
        if (current.erased()) {
            return PatronsResult.invalid("", "patrons.erase.noEdit");
        }
        Checked checked = check(form, id);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        PatronRules.Values values = checked.values();
        String barcode = values.barcode() == null ? current.barcode() : values.barcode();
        PatronStore.Stored stored = stored(values, checked.school(), barcode);
        boolean updated;
        try {
            updated = store.update(id, form.version() == null ? -1 : form.version(), stored, now());
        } catch (DuplicateKeyException race) {
            return raced();
        }
        if (!updated) {
            return PatronsResult.stale();
        }
        return finish(id, values, stored, actor, "patrons.patron.updated");
    }

    /** A form checked with its school, or the refusal. */
    private record Checked(PatronRules.Values values, SchoolView school, PatronsResult refusal) {
    }

    /** The rules, the school and the unique values (barcode, student number, account) of another patron than id. */
    private Checked check(PatronForm form, Long exceptId) {
        PatronRules.Checked checked = PatronRules.check(form);
        if (!checked.valid()) {
            return new Checked(null, null, PatronsResult.invalid(checked.errors()));
        }
        Optional<SchoolView> school = school(checked.values().school());
        if (school.isEmpty()) {
            return new Checked(null, null, PatronsResult.invalid("school", "patrons.school.unknown"));
        }
        return new Checked(checked.values(), school.get(), taken(checked.values(), exceptId).orElse(null));
    }

    /** A unique value taken by a change that committed meanwhile: nothing of this one is kept. */
    private static PatronsResult raced() {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return PatronsResult.duplicate("barcode", "patrons.barcode.taken");
    }

    /** The sign-in account, the homeroom's teacher and the audit entry of a saved patron. */
    private PatronsResult finish(long id, PatronRules.Values values, PatronStore.Stored stored, String actor,
                                 String action) {
        if (!linkAccount(id, values)) {
            return PatronsResult.duplicate("account", "patrons.account.taken");
        }
        teacherOfHomeroom(values, stored, id);
        audit.record(actor, action, "patron", id, values.type() + " " + stored.barcode());
        return new PatronsResult.Saved(id);
    }

    /**
     * Merges a duplicate record of the same person into the patron kept, in one transaction. The kept patron keeps its
     * own values and gains those it lacks from the duplicate (student number, e-mail, preferred name, homeroom,
     * graduation year, roster id, sign-in account); the duplicate's notes are appended to its own; the duplicate's
     * blocks, guardians or students, teachers' classes, and homerooms or classes it teaches move to it. Then {@link
     * PatronsMerged} is published and the duplicate is deleted. Modules that keep rows about patrons must move theirs
     * in {@code merge}: the circulation module's loans, holds and charges, by listening to {@link PatronsMerged} in
     * this transaction. Refused (an {@link PatronsResult.Invalid} on field {@code duplicate}) for a patron with itself,
     * patrons of different types, an erased patron, notes that would not fit together, or when either changed
     * meanwhile.
     */
    @Transactional
    public PatronsResult merge(long keptId, long duplicateId, String actor) {
        return merging.merge(keptId, duplicateId, actor);
    }

    /** Deactivates, reactivates, graduates or marks transferred; false when there is no such patron. */
    @Transactional
    public boolean setStatus(long id, PatronStatus status, String actor) {
        if (!store.setStatus(id, status, now())) {
            return false;
        }
        audit.record(actor, "patrons.patron.status", "patron", id, status.name());
        return true;
    }

    /** Blocks borrowing, for a reason staff can read back. */
    @Transactional
    public PatronsResult block(long id, String reason, String actor) {
        if (store.summaryById(id).isEmpty()) {
            throw new IllegalArgumentException("no patron " + id);
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            return PatronsResult.invalid("reason", "form.required");
        }
        if (text.length() > 200) {
            return PatronsResult.invalid("reason", "form.tooLong");
        }
        long block = store.addBlock(id, text, actor, now());
        audit.record(actor, "patrons.block.placed", "patron", id, text);
        return new PatronsResult.Saved(block);
    }

    /** Lifts a block still in force; false when there is none by that id on this patron. */
    @Transactional
    public boolean liftBlock(long id, long blockId, String actor) {
        if (!store.liftBlock(id, blockId, actor, now())) {
            return false;
        }
        audit.record(actor, "patrons.block.lifted", "patron", id, "block " + blockId);
        return true;
    }

    /** Links a guardian (a patron of type GUARDIAN) to a student; linking twice changes nothing. */
    @Transactional
    public PatronsResult linkGuardian(long studentId, long guardianId, String actor) {
        Optional<PatronSummary> student = store.summaryById(studentId);
        Optional<PatronSummary> guardian = store.summaryById(guardianId);
        if (student.isEmpty() || student.get().type() != PatronType.STUDENT) {
            return PatronsResult.invalid("student", "patrons.guardian.notStudent");
        }
        if (guardian.isEmpty() || guardian.get().type() != PatronType.GUARDIAN) {
            return PatronsResult.invalid("guardian", "patrons.guardian.notGuardian");
        }
        store.link(studentId, guardianId);
        audit.record(actor, "patrons.guardian.linked", "patron", studentId, "guardian " + guardianId);
        return new PatronsResult.Saved(studentId);
    }

    /** The homerooms of a school (every school when null), with their teacher and number of active students. */
    @Transactional(readOnly = true)
    public List<HomeroomView> homerooms(Long schoolId) {
        return store.homerooms(schoolId);
    }

    /**
     * Homerooms and classes whose name has a word starting with each word of {@code query} ("room 1" finds Room 12);
     * the names are read alone, the counts only for those that match.
     */
    @Transactional(readOnly = true)
    public List<HomeroomView> homeroomsNamed(String query) {
        List<String> words = List.of(Names.fold(query == null ? "" : query).split(" "));
        if (words.get(0).isEmpty()) {
            return List.of();
        }
        List<Long> matching = store.homeroomNames().entrySet().stream().filter(h -> {
            List<String> name = List.of(Names.fold(h.getValue()).split(" "));
            return words.stream().allMatch(w -> name.stream().anyMatch(n -> n.startsWith(w)));
        }).map(Map.Entry::getKey).toList();
        return store.homeroomsById(matching);
    }

    @Transactional(readOnly = true)
    public Optional<HomeroomView> homeroom(long id) {
        return store.homeroom(id);
    }

    /**
     * The ids of a school's students in a grade or of a graduation year (either may be null, not both), whatever
     * their status: whom a bulk forgiveness of charges reaches. Shows nothing about them, so it is not audited.
     */
    @Transactional(readOnly = true)
    public List<Long> ids(long schoolId, Grade grade, Integer graduationYear) {
        if (grade == null && graduationYear == null) {
            throw new IllegalArgumentException("a grade or a graduation year");
        }
        return store.studentIds(schoolId, grade == null ? null : grade.value(), graduationYear);
    }

    /** The active students of a homeroom: names, barcodes and grades, by name. */
    @Transactional(readOnly = true)
    public List<HomeroomMember> members(long homeroomId) {
        return store.members(homeroomId);
    }

    private Optional<PatronView> load(long id) {
        return store.byId(id).map(row -> new PatronView(row.id(), row.type(), row.status(), row.givenName(),
                row.familyName(), row.preferredName(), row.schoolId(), row.barcode(), row.studentNumber(),
                row.grade(), row.homeroomId() == null ? null
                        : new PatronView.Homeroom(row.homeroomId(), row.homeroomName()),
                row.graduationYear(), row.email(), row.preferredLanguage(), row.keepHistory(), row.accountId(),
                row.sourceId(), row.notes(), store.blocks(id), store.guardiansOf(id), store.studentsOf(id),
                row.createdAt(), row.updatedAt(), row.version(),
                row.accountId() == null ? null : accounts.find(row.accountId()).map(AccountView::username).orElse(null),
                row.erasedAt()));
    }

    private Optional<PatronsResult> taken(PatronRules.Values values, Long exceptId) {
        if (values.barcode() != null && store.barcodeTaken(values.barcode(), exceptId)) {
            return Optional.of(PatronsResult.duplicate("barcode", "patrons.barcode.taken"));
        }
        if (values.studentNumber() != null && store.studentNumberTaken(values.studentNumber(), exceptId)) {
            return Optional.of(PatronsResult.duplicate("studentNumber", "patrons.studentNumber.taken"));
        }
        if (values.account() != null) {
            Optional<AccountView> account = accounts.byUsername(values.account());
            if (account.isEmpty()) {
                return Optional.of(PatronsResult.invalid("account", "patrons.account.unknown"));
            }
            if (store.accountTaken(account.get().id(), exceptId)) {
                return Optional.of(PatronsResult.duplicate("account", "patrons.account.taken"));
            }
        }
        return Optional.empty();
    }

    /** Links the account named on the form, or none; false (and rolled back) when another patron just took it. */
    private boolean linkAccount(long id, PatronRules.Values values) {
        Long account = values.account() == null ? null : accounts.byUsername(values.account()).orElseThrow().id();
        try {
            store.setAccount(id, account);
            return true;
        } catch (DuplicateKeyException race) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return false;
        }
    }

    private PatronStore.Stored stored(PatronRules.Values values, SchoolView school, String barcode) {
        Long homeroom = values.homeroom() == null ? null : store.homeroomId(school.id(), values.homeroom())
                .orElseGet(() -> store.insertHomeroom(school.id(), values.homeroom()));
        return new PatronStore.Stored(values.type(), values.givenName(), values.familyName(), values.preferredName(),
                school.id(), barcode, values.studentNumber(), values.grade(), homeroom, values.graduationYear(),
                values.email(), values.preferredLanguage(), values.keepHistory(), values.notes(), null);
    }

    private void teacherOfHomeroom(PatronRules.Values values, PatronStore.Stored stored, long id) {
        if (values.type() == PatronType.TEACHER && stored.homeroomId() != null) {
            store.setHomeroomTeacher(stored.homeroomId(), id);
        }
    }

    /** A school by code (any case) or by id. */
    private Optional<SchoolView> school(String codeOrId) {
        Optional<SchoolView> byCode = district.school(codeOrId);
        if (byCode.isPresent() || !codeOrId.matches("\\d{1,18}")) {
            return byCode;
        }
        return district.school(Long.parseLong(codeOrId));
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_FOUND));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
