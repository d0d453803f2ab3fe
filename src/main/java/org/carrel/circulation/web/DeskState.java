package org.carrel.circulation.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpSession;

/**
 * What the desk remembers between scans, in the staff member's HTTP session: the school of the desk (when they act
 * for several), the patron scanned last, and the copies lent at this desk in this session (the receipt, and all a
 * volunteer sees of a patron's loans). Every change is written back with {@code setAttribute}, so a session kept
 * outside the JVM sees it too.
 */
final class DeskState {

    static final String ATTRIBUTE = DeskState.class.getName();
    /** The most copies remembered for receipts; the oldest are forgotten first. */
    static final int MAX_LENT = 500;

    /** The remembered values, serializable as a session attribute must be. */
    record Memory(Long schoolId, Long patronId, List<LentCopy> lent) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        Memory {
            lent = List.copyOf(lent);
        }
    }

    private final HttpSession session;
    private Memory memory;

    private DeskState(HttpSession session, Memory memory) {
        this.session = session;
        this.memory = memory;
    }

    static DeskState of(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        return new DeskState(session, kept instanceof Memory m ? m : new Memory(null, null, List.of()));
    }

    Long schoolId() {
        return memory.schoolId();
    }

    Long patronId() {
        return memory.patronId();
    }

    /** Copies lent at this desk in this session, oldest first. */
    List<LentCopy> lent() {
        return memory.lent();
    }

    List<LentCopy> lentTo(long patronId) {
        return memory.lent().stream().filter(l -> l.patronId() == patronId).toList();
    }

    void school(long schoolId) {
        save(new Memory(schoolId, null, memory.lent()));
    }

    void patron(Long patronId) {
        save(new Memory(memory.schoolId(), patronId, memory.lent()));
    }

    void lent(LentCopy lent) {
        List<LentCopy> all = new ArrayList<>(memory.lent());
        all.add(lent);
        while (all.size() > MAX_LENT) {
            all.remove(0);
        }
        save(new Memory(memory.schoolId(), memory.patronId(), all));
    }

    /** The loan ended (checked in here): its copy leaves the visit and the receipt. */
    void returned(long loanId) {
        if (memory.lent().stream().anyMatch(l -> l.loanId() == loanId)) {
            save(new Memory(memory.schoolId(), memory.patronId(), memory.lent().stream()
                    .filter(l -> l.loanId() != loanId).toList()));
        }
    }

    void renewed(long loanId, LocalDate dueOn) {
        if (memory.lent().stream().anyMatch(l -> l.loanId() == loanId)) {
            save(new Memory(memory.schoolId(), memory.patronId(), memory.lent().stream()
                    .map(l -> l.loanId() == loanId ? new LentCopy(l.loanId(), l.patronId(), l.barcode(), l.title(),
                            dueOn) : l).toList()));
        }
    }

    private void save(Memory changed) {
        memory = changed;
        session.setAttribute(ATTRIBUTE, changed);
    }
}
