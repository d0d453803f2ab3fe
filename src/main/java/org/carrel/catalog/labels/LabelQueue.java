package org.carrel.catalog.labels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each school's label print queue: staff queue copies (from the shelf list, or by scanning their barcodes) and later
 * print spine or barcode labels for the whole queue at once, on a partly used sheet if need be. A copy waits in the
 * queue of the school that owns it, at most once. Callers check that the actor may act for the school.
 */
@Service
public class LabelQueue {

    /** What a batch of scanned barcodes did: how many copies were queued, and the barcodes that were not. */
    public record Scanned(int added, List<String> alreadyQueued, List<String> notFound, List<String> otherSchool) {

        public boolean allQueued() {
            return alreadyQueued.isEmpty() && notFound.isEmpty() && otherSchool.isEmpty();
        }
    }

    private final LabelQueueStore queue;
    private final Copies copies;
    private final District district;
    private final Clock clock;

    LabelQueue(LabelQueueStore queue, Copies copies, District district, Clock clock) {
        this.queue = queue;
        this.copies = copies;
        this.district = district;
        this.clock = clock;
    }

    /** Queues copies of the school by id; ids of unknown copies, other schools' copies and queued ones are passed over. */
    @Transactional
    public int add(long schoolId, Collection<Long> itemIds, String actor) {
        int added = 0;
        for (long itemId : new LinkedHashSet<>(itemIds)) {
            added += queue.add(schoolId, itemId, actor, now()) ? 1 : 0;
        }
        return added;
    }

    /** Queues copies by their barcodes as a scanner sends them (case and surrounding spaces ignored). */
    @Transactional
    public Scanned addBarcodes(long schoolId, List<String> barcodes, String actor) {
        int added = 0;
        List<String> alreadyQueued = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        List<String> otherSchool = new ArrayList<>();
        for (String barcode : new LinkedHashSet<>(barcodes.stream().map(Copies::normaliseBarcode)
                .filter(b -> !b.isEmpty()).toList())) {
            Optional<ItemView> item = copies.itemByBarcode(barcode);
            if (item.isEmpty()) {
                notFound.add(barcode);
            } else if (item.get().schoolId() != schoolId) {
                otherSchool.add(barcode);
            } else if (queue.add(schoolId, item.get().id(), actor, now())) {
                added++;
            } else {
                alreadyQueued.add(barcode);
            }
        }
        return new Scanned(added, List.copyOf(alreadyQueued), List.copyOf(notFound), List.copyOf(otherSchool));
    }

    /** The school's queue in shelf order. */
    @Transactional(readOnly = true)
    public List<QueuedLabel> queue(long schoolId) {
        return queue.ofSchool(schoolId);
    }

    @Transactional(readOnly = true)
    public int count(long schoolId) {
        return queue.count(schoolId);
    }

    /** Which of these copies wait in a label queue (to mark them on the shelf list). */
    @Transactional(readOnly = true)
    public Set<Long> queuedAmong(Collection<Long> itemIds) {
        return queue.queuedAmong(itemIds);
    }

    /** Takes copies out of the school's queue; returns how many were in it. */
    @Transactional
    public int remove(long schoolId, Collection<Long> itemIds) {
        return queue.remove(schoolId, itemIds);
    }

    /** Empties the school's queue; returns how many copies were in it. */
    @Transactional
    public int clear(long schoolId) {
        return queue.clear(schoolId);
    }

    /**
     * Prints labels for every copy in the school's queue, in shelf order, and takes them out of the queue when asked.
     * A refusal (an empty queue, a start position off the sheet, a barcode the symbology cannot hold) prints nothing
     * and leaves the queue as it was.
     */
    @Transactional
    public LabelPrint print(long schoolId, LabelPrint.Request request) {
        List<QueuedLabel> queued = queue.ofSchool(schoolId);
        if (queued.isEmpty()) {
            return new LabelPrint.Refused("catalog.labels.queue.empty");
        }
        int perSheet = request.sheet().labelsPerPage();
        if (request.startPosition() < 1 || request.startPosition() > perSheet) {
            return new LabelPrint.Refused("catalog.labels.start.invalid", perSheet);
        }
        String schoolName = district.school(schoolId).map(SchoolView::name).orElse("");
        List<LabelItem> labels = queued.stream()
                .map(q -> new LabelItem(q.barcode(), q.callNumber(), q.title(), schoolName)).toList();
        byte[] pdf;
        try {
            pdf = request.kind() == LabelPrint.Kind.SPINE
                    ? Labels.spineLabels(labels, request.sheet(), request.startPosition())
                    : Labels.barcodeLabels(labels, request.sheet(), request.symbology(), request.startPosition());
        } catch (IllegalArgumentException refused) {
            // Labels words each refusal for the librarian (which copy, and what to do about it).
            return new LabelPrint.Refused(refused.getMessage());
        }
        if (request.removePrinted()) {
            queue.remove(schoolId, queued.stream().map(QueuedLabel::itemId).toList());
        }
        return new LabelPrint.Printed(pdf, queued.size());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
