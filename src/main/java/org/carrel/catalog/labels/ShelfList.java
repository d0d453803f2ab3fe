package org.carrel.catalog.labels;

import java.util.List;
import java.util.Set;

import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shelf list: a school's copies in shelf order, with the titles and label-queue marks a list page shows. */
@Service
public class ShelfList {

    private final Copies copies;
    private final LabelQueueStore queue;

    ShelfList(Copies copies, LabelQueueStore queue) {
        this.copies = copies;
        this.queue = queue;
    }

    /** A page of the school's copies (optionally of one location) in shelf order. */
    @Transactional(readOnly = true)
    public List<ShelfEntry> page(long schoolId, Long locationId, int offset, int limit) {
        List<ItemView> items = copies.shelfList(schoolId, locationId, offset, limit);
        Set<Long> queued = queue.queuedAmong(items.stream().map(ItemView::id).toList());
        return items.stream()
                .map(item -> new ShelfEntry(item, queued.contains(item.id()))).toList();
    }
}
