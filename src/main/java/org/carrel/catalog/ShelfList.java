package org.carrel.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shelf list: a school's copies in shelf order, with the titles and label-queue marks a list page shows. */
@Service
public class ShelfList {

    private final Catalog catalog;
    private final ShelfStore shelf;
    private final LabelQueueStore queue;

    ShelfList(Catalog catalog, ShelfStore shelf, LabelQueueStore queue) {
        this.catalog = catalog;
        this.shelf = shelf;
        this.queue = queue;
    }

    /** A page of the school's copies (optionally of one location) in shelf order. */
    @Transactional(readOnly = true)
    public List<ShelfEntry> page(long schoolId, Long locationId, int offset, int limit) {
        List<ItemView> items = catalog.shelfList(schoolId, locationId, offset, limit);
        Map<Long, String> titles = shelf.titles(items.stream().map(ItemView::recordId).distinct().toList());
        Set<Long> queued = queue.queuedAmong(items.stream().map(ItemView::id).toList());
        return items.stream()
                .map(item -> new ShelfEntry(item, titles.get(item.recordId()), queued.contains(item.id()))).toList();
    }
}
