package org.carrel.catalog;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the catalogue as MARC: each live record with one 852 per copy (school code, location, call number,
 * barcode, copy number, note) and, unless asked not to, a Koha-style 952 with the copy's details and an 876 with
 * its status, so importing the export gives the same records and copies (docs/marc-holdings.md).
 */
@Service
public class MarcExport {

    /** ISO 2709 ({@code marc}) or MARCXML. */
    public enum Format {
        MARC, MARCXML;

        /** The format as typed ({@code marc}, {@code marcxml}, any case), or empty. */
        public static java.util.Optional<Format> parse(String text) {
            return java.util.Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(text.strip())).findFirst();
        }
    }

    static final int BATCH = 500;

    private final RecordStore records;
    private final ItemStore items;
    private final District district;

    MarcExport(RecordStore records, ItemStore items, District district) {
        this.records = records;
        this.items = items;
        this.district = district;
    }

    /**
     * Writes every record (or those with a copy at {@code schoolId}) and returns how many were written. Records stream
     * from the database; their copies are read for {@value #BATCH} records at a time.
     */
    @Transactional(readOnly = true)
    public int write(OutputStream out, Format format, Long schoolId, boolean withItemDetails) {
        MarcWriter writer = format == Format.MARCXML ? new MarcXmlWriter(out, "UTF-8", false)
                : new MarcStreamWriter(out, "UTF-8", true);
        Map<Long, String> schoolCodes = new HashMap<>();
        Map<Long, String> locationCodes = new HashMap<>();
        for (SchoolView school : district.schools()) {
            schoolCodes.put(school.id(), school.code());
            district.locations(school.id()).forEach(location -> locationCodes.put(location.id(), location.code()));
        }
        Run run = new Run(schoolCodes, locationCodes, schoolId, withItemDetails);
        List<RecordStore.StoredRecord> batch = new ArrayList<>(BATCH);
        records.forEach(schoolId, stored -> {
            batch.add(stored);
            if (batch.size() == BATCH) {
                write(writer, batch, run);
                batch.clear();
            }
        });
        write(writer, batch, run);
        writer.close();
        return run.written;
    }

    private void write(MarcWriter writer, List<RecordStore.StoredRecord> batch, Run run) {
        Map<Long, List<ItemView>> copies = items.ofRecords(batch.stream().map(RecordStore.StoredRecord::id).toList());
        for (RecordStore.StoredRecord stored : batch) {
            Record record = StoredMarc.read(stored.marc());
            copies.getOrDefault(stored.id(), List.of()).forEach(item -> run.add(record, item));
            writer.write(record);
            run.written++;
        }
    }

    /** What an export writes for each copy, and how many records it wrote. */
    private static final class Run {
        private final Map<Long, String> schoolCodes;
        private final Map<Long, String> locationCodes;
        private final Long onlySchool;
        private final boolean withItemDetails;
        private int written;

        Run(Map<Long, String> schoolCodes, Map<Long, String> locationCodes, Long onlySchool,
                 boolean withItemDetails) {
            this.schoolCodes = schoolCodes;
            this.locationCodes = locationCodes;
            this.onlySchool = onlySchool;
            this.withItemDetails = withItemDetails;
        }

        void add(Record record, ItemView item) {
            if (onlySchool != null && item.schoolId() != onlySchool) {
                return;
            }
            String school = schoolCodes.get(item.schoolId());
            String location = item.locationId() == null ? null : locationCodes.get(item.locationId());
            record.addVariableField(HoldingsFields.field852(item, school, location));
            if (withItemDetails) {
                record.addVariableField(HoldingsFields.field952(item, school, location));
                record.addVariableField(HoldingsFields.field876(item));
            }
        }
    }

    /** Builds the holdings fields of one copy. */
    static final class HoldingsFields {

        private static final MarcFactory MARC = MarcFactory.newInstance();

        private HoldingsFields() {
        }

        static DataField field852(ItemView item, String school, String location) {
            DataField field = MARC.newDataField("852", ' ', ' ');
            add(field, 'b', school);
            add(field, 'c', location);
            add(field, 'h', item.ownCallNumber());
            add(field, 'p', item.barcode());
            add(field, 't', item.copyNumber());
            add(field, 'x', item.notes());
            return field;
        }

        static DataField field952(ItemView item, String school, String location) {
            DataField field = MARC.newDataField("952", ' ', ' ');
            add(field, 'a', school);
            add(field, 'b', school);
            add(field, 'c', location);
            add(field, 'd', item.acquiredOn());
            add(field, 'e', item.fundingSource());
            add(field, 'g', item.price());
            add(field, 'o', item.ownCallNumber());
            add(field, 'p', item.barcode());
            add(field, 't', item.copyNumber());
            add(field, 'v', item.replacementCost());
            add(field, 'x', item.notes());
            add(field, 'y', item.itemType().name());
            return field;
        }

        /** 876 Item Information: $p the barcode it describes, $j Carrel's status, $h the condition. */
        static DataField field876(ItemView item) {
            DataField field = MARC.newDataField("876", ' ', ' ');
            add(field, 'p', item.barcode());
            add(field, 'j', item.status().name());
            add(field, 'h', item.condition());
            return field;
        }

        private static void add(DataField field, char code, Object value) {
            if (value != null && !value.toString().isBlank()) {
                field.addSubfield(MARC.newSubfield(code, value.toString()));
            }
        }
    }
}
