package org.carrel.search.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemView;
import org.carrel.district.District;
import org.carrel.district.LocationView;
import org.carrel.district.SchoolView;

/**
 * A title's copies as the public catalogue shows them, school by school (the reader's school first): call number,
 * shelving location and status in words. Never barcodes, notes, status reasons or anything about a borrower;
 * withdrawn copies are no longer in the collection and are left out. Public only for the templates.
 *
 * @param available how many of the copies are on the shelf now
 */
public record Holdings(long schoolId, String school, boolean mine, int available, List<Copy> copies) {

    /** A copy: {@code status} is the message key of its status in words ({@code search.copyStatus.NAME}). */
    public record Copy(String callNumber, String location, String status) {
    }

    static List<Holdings> of(List<ItemView> items, List<SchoolView> schools, District district, String mySchoolId) {
        Map<Long, List<ItemView>> bySchool = new LinkedHashMap<>();
        items.stream().filter(item -> item.status().inCollection())
                .sorted(Comparator.comparing(ItemView::schoolId).thenComparing(ItemView::id))
                .forEach(item -> bySchool.computeIfAbsent(item.schoolId(), id -> new ArrayList<>()).add(item));
        List<Holdings> holdings = new ArrayList<>();
        bySchool.forEach((schoolId, copies) -> {
            Map<Long, String> locations = new LinkedHashMap<>();
            district.locations(schoolId).forEach((LocationView l) -> locations.put(l.id(), l.name()));
            String name = schools.stream().filter(s -> s.id() == schoolId).map(SchoolView::name).findFirst()
                    .orElse("");
            int available = (int) copies.stream().filter(i -> i.status() == ItemStatus.AVAILABLE).count();
            holdings.add(new Holdings(schoolId, name, String.valueOf(schoolId).equals(mySchoolId), available,
                    copies.stream().map(i -> new Copy(i.callNumber(),
                            i.locationId() == null ? null : locations.get(i.locationId()),
                            "search.copyStatus." + i.status().name())).toList()));
        });
        holdings.sort(Comparator.comparing((Holdings h) -> !h.mine()));
        return holdings;
    }
}
