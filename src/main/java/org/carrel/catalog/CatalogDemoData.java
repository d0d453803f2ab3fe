package org.carrel.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.carrel.accounts.AuditLog;
import org.carrel.catalog.CatalogEvents.ItemAdded;
import org.carrel.catalog.CatalogEvents.RecordCreated;
import org.carrel.catalog.demo.DemoTitles;
import org.carrel.catalog.demo.DemoTitles.DemoTitle;
import org.carrel.catalog.marc.RecordBuilder;
import org.carrel.district.District;
import org.carrel.district.LocationView;
import org.carrel.district.SchoolLevel;
import org.carrel.district.SchoolView;
import org.carrel.shared.DemoData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The demo catalogue (order 300): the real titles of {@code demo/catalog.tsv}, each with its copies spread over the
 * demo schools whose grades read it (picture books at the elementary schools, young adult novels at the middle and
 * high schools), shelved at the location their call number implies. Written in batches: start-up time matters.
 */
@Component
class CatalogDemoData implements DemoData {

    private final RecordStore records;
    private final ItemStore items;
    private final District district;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogDemoData(RecordStore records, ItemStore items, District district, AuditLog audit,
                    ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.items = items;
        this.district = district;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public List<String> seed() {
        List<SchoolView> schools = district.schools();
        if (schools.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, Long>> locations = schools.stream().collect(Collectors.toMap(SchoolView::id,
                school -> district.locations(school.id()).stream()
                        .collect(Collectors.toMap(LocationView::code, LocationView::id))));
        List<DemoTitle> titles = DemoTitles.load();
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<RecordValues> values = titles.stream()
                .map(title -> RecordValues.of(RecordBuilder.build(title.description(), today))).toList();
        List<Long> ids = records.insertAll(values, now);
        List<Long> itemRecords = new ArrayList<>();
        List<ItemValues> copies = new ArrayList<>();
        List<String> callNumbers = new ArrayList<>();
        int sequence = 0;
        for (int t = 0; t < titles.size(); t++) {
            DemoTitle title = titles.get(t);
            List<SchoolView> readers = schoolsFor(title.description().audience(), schools);
            for (int copy = 0; copy < title.copies(); copy++) {
                SchoolView school = readers.get((t + copy) % readers.size());
                sequence++;
                String callNumber = title.description().callNumber();
                copies.add(new ItemValues(barcode(schools.indexOf(school), sequence), school.id(),
                        locationFor(callNumber, locations.get(school.id())), null, ItemType.valueOf(title.itemType()),
                        ItemStatus.AVAILABLE, copy + 1, price(title), price(title), today.minusDays(30L + t * 3L),
                        t % 3 == 0 ? "Book fair" : "Library budget", "GOOD", null));
                itemRecords.add(ids.get(t));
                callNumbers.add(callNumber);
            }
        }
        List<Long> itemIds = items.insertAll(itemRecords, copies, callNumbers, now);
        ids.forEach(id -> events.publishEvent(new RecordCreated(id)));
        for (int i = 0; i < itemIds.size(); i++) {
            events.publishEvent(new ItemAdded(itemIds.get(i), itemRecords.get(i), copies.get(i).schoolId()));
        }
        audit.record("demo", "catalog.demo.seeded", "catalog", null, ids.size() + " titles, " + itemIds.size() + " copies");
        return List.of("Demo catalogue: " + ids.size() + " titles, " + itemIds.size() + " copies");
    }

    /** The schools whose students read at this 008/22 audience level. */
    private static List<SchoolView> schoolsFor(String audience, List<SchoolView> schools) {
        List<SchoolLevel> levels = switch (audience == null ? "" : audience) {
            case "a", "b" -> List.of(SchoolLevel.ELEMENTARY);
            case "c", "j" -> List.of(SchoolLevel.ELEMENTARY, SchoolLevel.MIDDLE);
            case "d" -> List.of(SchoolLevel.MIDDLE, SchoolLevel.HIGH);
            default -> List.of(SchoolLevel.HIGH, SchoolLevel.MIDDLE);
        };
        List<SchoolView> readers = schools.stream().filter(s -> levels.contains(s.level())).toList();
        return readers.isEmpty() ? schools : readers;
    }

    /** The location a call number's prefix shelves at, where the school has it. */
    static Long locationFor(String callNumber, Map<String, Long> locations) {
        String prefix = callNumber == null ? "" : callNumber.strip().split("\\s+")[0].toUpperCase(java.util.Locale.ROOT);
        String code = switch (prefix) {
            case "E", "EASY", "ER" -> "EASY";
            case "FIC", "F", "SC" -> "FIC";
            case "B", "BIO", "92" -> "BIO";
            case "REF" -> "REF";
            case "GN", "GRAPHIC" -> locations.containsKey("GN") ? "GN" : "FIC";
            case "DVD", "CD", "AB", "AUDIO", "EQUIP", "EBOOK", "KIT" -> null;
            default -> Character.isDigit(prefix.isEmpty() ? 'x' : prefix.charAt(0)) ? "NF" : null;
        };
        return code == null ? null : locations.get(code);
    }

    private static String barcode(int schoolIndex, int sequence) {
        return String.format("3%02d%07d", schoolIndex + 1, sequence);
    }

    private static BigDecimal price(DemoTitle title) {
        return switch (title.itemType()) {
            case "EQUIPMENT" -> new BigDecimal("289.00");
            case "DVD", "AUDIOBOOK" -> new BigDecimal("24.95");
            case "EBOOK" -> null;
            default -> new BigDecimal("17.99");
        };
    }
}
