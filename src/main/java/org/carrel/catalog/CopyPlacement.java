package org.carrel.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.carrel.catalog.importing.ItemDraft;
import org.carrel.district.District;
import org.carrel.district.DistrictResult;
import org.carrel.district.LocationForm;
import org.carrel.district.LocationView;
import org.carrel.district.SchoolView;

/**
 * Where an imported copy goes: its school (the import's {@code --school}, else the holdings field's code after
 * {@code --school-map}) and its location at that school, created the first time an import meets its code. Anything
 * that keeps a copy out is added to the record's problems, never guessed. Schools and locations are looked up once
 * per import; {@link #forget()} drops what a rolled-back chunk may have created.
 */
final class CopyPlacement {

    private final District district;
    private final ImportOptions options;
    private final String actor;
    private final Map<String, Optional<SchoolView>> schools = new HashMap<>();
    private final Map<String, Long> locations = new HashMap<>();

    CopyPlacement(District district, ImportOptions options, String actor) {
        this.district = district;
        this.options = options;
        this.actor = actor;
    }

    /** The copy's values at its school and location, or empty with the reason added to the record's problems. */
    Optional<ItemValues> place(Incoming in, ItemDraft draft, String barcode) {
        String code = options.schoolCode() != null ? options.schoolCode() : draft.schoolCode();
        if (code == null || code.isBlank()) {
            return refuse(in, "copy " + barcode + " not created: its holdings field names no school; give --school CODE");
        }
        String mapped = options.schoolMap().getOrDefault(code.strip().toUpperCase(Locale.ROOT), code.strip());
        Optional<SchoolView> school = schools.computeIfAbsent(mapped.toUpperCase(Locale.ROOT), district::school);
        if (school.isEmpty()) {
            return refuse(in, "copy " + barcode + " not created: the district has no school '" + mapped
                    + "'; map it with --school-map " + code.strip() + "=CODE");
        }
        if (options.onlySchools() != null && !options.onlySchools().contains(school.get().id())) {
            return refuse(in, "copy " + barcode + " not created: it belongs to " + school.get().code()
                    + ", and copies can be added only at the importing librarian's schools");
        }
        if (!ItemRules.BARCODE.matcher(barcode).matches()) {
            return refuse(in, "copy not created: the barcode '" + barcode + "' has spaces or characters a scanner "
                    + "cannot send");
        }
        Long location = location(in, school.get(), draft.locationCode());
        return Optional.of(new ItemValues(barcode, school.get().id(), location, blankToNull(draft.callNumber()),
                draft.itemType(), draft.status(), draft.copyNumber(), draft.price(), draft.replacementCost(),
                draft.acquiredOn(), blankToNull(draft.fundingSource()), draft.condition(), blankToNull(draft.notes())));
    }

    /** Forgets the schools and locations seen, after a rollback may have undone a location created meanwhile. */
    void forget() {
        schools.clear();
        locations.clear();
    }

    /** The school's location with this code, created (and reported) when the school has none by that code yet. */
    private Long location(Incoming in, SchoolView school, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        String key = school.id() + "/" + wanted;
        if (locations.containsKey(key)) {
            return locations.get(key);
        }
        Long found = district.locations(school.id()).stream().filter(l -> l.code().equalsIgnoreCase(wanted))
                .map(LocationView::id).findFirst().orElse(null);
        if (found == null && options.dryRun()) {
            in.locationNotes.add("location " + wanted + " would be created at " + school.code());
        } else if (found == null) {
            DistrictResult result = district.addLocation(school.id(), new LocationForm(wanted, wanted, "", 0L), actor);
            if (result instanceof DistrictResult.Saved saved) {
                found = saved.id();
                in.locationNotes.add("location " + wanted + " created at " + school.code());
            } else {
                in.locationNotes.add("location '" + code.strip() + "' is not a valid location code; copies from it have "
                        + "no location");
            }
        }
        locations.put(key, found);
        return found;
    }

    private static Optional<ItemValues> refuse(Incoming in, String problem) {
        in.itemProblems.add(problem);
        return Optional.empty();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
