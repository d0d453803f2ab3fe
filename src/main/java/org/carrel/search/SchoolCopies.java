package org.carrel.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemView;

/** A school's copies of one record that are in the collection, and how many of them are on the shelf now. */
record SchoolCopies(long schoolId, int copies, int available) {

    /** Per school holding copies in the collection (withdrawn ones left out), in school id order. */
    static List<SchoolCopies> of(List<ItemView> items) {
        Map<Long, int[]> perSchool = new TreeMap<>();
        for (ItemView item : items) {
            if (item.status().inCollection()) {
                int[] counts = perSchool.computeIfAbsent(item.schoolId(), id -> new int[2]);
                counts[0]++;
                counts[1] += item.status() == ItemStatus.AVAILABLE ? 1 : 0;
            }
        }
        List<SchoolCopies> schools = new ArrayList<>(perSchool.size());
        perSchool.forEach((school, counts) -> schools.add(new SchoolCopies(school, counts[0], counts[1])));
        return schools;
    }

    /** All copies in the collection: how widely the district holds the title. */
    static long total(List<SchoolCopies> schools) {
        return schools.stream().mapToLong(SchoolCopies::copies).sum();
    }
}
