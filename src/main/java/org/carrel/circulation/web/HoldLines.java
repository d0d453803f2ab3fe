package org.carrel.circulation.web;

import java.time.LocalDate;

import org.carrel.circulation.HoldView;

/** The lines of the hold pages (staff and self-service), with names and titles looked up once for the template. */
public final class HoldLines {

    private HoldLines() {
    }

    /**
     * A copy on the hold shelf for a patron; {@code pull}: the hold expired or its pickup day passed, so the copy
     * is to be taken off the hold shelf and scanned in (it goes to the next hold).
     */
    public record Shelf(long holdId, long recordId, String title, String barcode, String patron, String patronBarcode,
                        LocalDate pickupBy, boolean pull) {
    }

    /** A copy on this school's shelves that a waiting hold wants, and whom and where it is for. */
    public record Pull(long recordId, String title, String callNumber, String barcode, String patron,
                       String pickupSchool) {
    }

    /** A copy in transit; {@code patron} names whom it is for (null: going home). */
    public record Transit(long recordId, String title, String barcode, String from, String to, LocalDate since,
                          String patron) {
    }

    /**
     * A hold in a title's queue. {@code position}: its place among waiting holds (0 once a copy is set aside);
     * {@code patron} null when the staff member acts for neither the patron's school nor the pickup school;
     * {@code copy} the barcode of the copy asked for or set aside.
     */
    public record Queued(HoldView hold, int position, String patron, String patronBarcode, String pickupSchool,
                         String copy, boolean suspended, boolean canAct) {
    }

    /** One's own hold in the catalogue, with its title, its place in line and where it is picked up. */
    public record MyHold(HoldView hold, String title, int position, String pickupSchool, boolean suspended) {
    }
}
