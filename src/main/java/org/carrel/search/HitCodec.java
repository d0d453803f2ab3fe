package org.carrel.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.carrel.catalog.ItemView;
import org.carrel.catalog.RecordView;
import org.carrel.catalog.marc.Description;
import org.carrel.catalog.marc.Isbn;

/**
 * What a hit shows, packed in one binary doc value per record: reading it for a page of hits is a direct look-up,
 * where stored fields would decompress a block of neighbouring documents for each hit. Layout: record id, title,
 * subtitle, authors, ISBN-13s, year (0 for none), call number, format, then per school (copies, on the shelf) and
 * every copy (id, barcode, school, status, call number).
 */
final class HitCodec {

    private HitCodec() {
    }

    static BytesRef encode(RecordView record, List<SchoolCopies> holdings) {
        Description d = record.description();
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeVLong(record.id());
            out.writeString(text(d.title()));
            out.writeString(text(d.subtitle()));
            strings(out, d.authors());
            strings(out, d.isbns().stream().map(Isbn::isbn13).toList());
            out.writeVInt(d.year() == null || d.year() < 0 ? 0 : d.year() + 1);
            out.writeString(text(d.callNumber()));
            out.writeString(d.format().name());
            out.writeVInt(holdings.size());
            for (SchoolCopies school : holdings) {
                out.writeVLong(school.schoolId());
                out.writeVInt(school.copies());
                out.writeVInt(school.available());
            }
            out.writeVInt(record.items().size());
            for (ItemView item : record.items()) {
                out.writeVLong(item.id());
                out.writeString(item.barcode());
                out.writeVLong(item.schoolId());
                out.writeString(item.status().name());
                out.writeString(text(item.callNumber()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    /** The hit; its copies only for staff. */
    static SearchHit decode(BytesRef bytes, boolean staff) {
        try {
            return read(new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length), staff);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SearchHit read(ByteArrayDataInput in, boolean staff) throws IOException {
        long id = in.readVLong();
        String title = nullable(in.readString());
        String subtitle = nullable(in.readString());
        List<String> authors = strings(in);
        List<String> isbns = strings(in);
        int year = in.readVInt();
        String callNumber = nullable(in.readString());
        String format = in.readString();
        List<SearchHit.Availability> availability = new ArrayList<>();
        for (int i = in.readVInt(); i > 0; i--) {
            availability.add(new SearchHit.Availability(in.readVLong(), in.readVInt(), in.readVInt()));
        }
        List<SearchHit.ItemHit> items = new ArrayList<>();
        if (staff) {
            for (int i = in.readVInt(); i > 0; i--) {
                items.add(new SearchHit.ItemHit(in.readVLong(), in.readString(), in.readVLong(), in.readString(),
                        nullable(in.readString())));
            }
        }
        return new SearchHit(id, title, subtitle, authors, isbns, year == 0 ? null : year - 1, callNumber, format,
                List.copyOf(availability), List.copyOf(items));
    }

    private static void strings(ByteBuffersDataOutput out, List<String> values) throws IOException {
        out.writeVInt(values.size());
        for (String value : values) {
            out.writeString(value);
        }
    }

    private static List<String> strings(ByteArrayDataInput in) throws IOException {
        int count = in.readVInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readString());
        }
        return List.copyOf(values);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String nullable(String value) {
        return value.isEmpty() ? null : value;
    }
}
