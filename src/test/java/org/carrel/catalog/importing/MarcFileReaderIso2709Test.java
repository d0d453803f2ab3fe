package org.carrel.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.catalog.importing.MarcBytes.book;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.carrel.catalog.importing.MarcFileReader.Bad;
import org.carrel.catalog.importing.MarcFileReader.Entry;
import org.carrel.catalog.importing.MarcFileReader.Read;
import org.carrel.testing.MarcFiles;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;

class MarcFileReaderIso2709Test {

    private final byte[] first = MarcFiles.iso2709(book("1", "One"));
    private final byte[] second = MarcFiles.iso2709(book("2", "Two"));
    private final byte[] third = MarcFiles.iso2709(book("3", "Three"));

    @Test
    void readsGoodRecordsWithTheirNumbersAndByteOffsets() throws IOException {
        List<Entry> entries = read(MarcFiles.concat(first, second, third));

        assertThat(entries).allMatch(e -> e instanceof Read);
        assertThat(entries).extracting(Entry::number).containsExactly(1, 2, 3);
        assertThat(entries).extracting(Entry::offset)
                .containsExactly(0L, (long) first.length, (long) first.length + second.length);
        assertThat(title(entries.get(2))).isEqualTo("Three");
    }

    @Test
    void reportsALeaderLengthThatIsNotANumberAndReadsTheRecordsAround() throws IOException {
        byte[] broken = second.clone();
        MarcBytes.put(broken, 0, "00a12");

        List<Entry> entries = read(MarcFiles.concat(first, broken, third));

        assertThat(entries.get(1)).isEqualTo(new Bad(2, first.length,
                "the leader's record length \"00a12\" is not a number"));
        assertThat(title(entries.get(0))).isEqualTo("One");
        assertThat(title(entries.get(2))).isEqualTo("Three");
    }

    @Test
    void reportsADirectoryEntryPointingPastTheEndOfTheRecord() throws IOException {
        byte[] broken = second.clone();
        int entry245 = MarcBytes.indexOf(broken, "245");
        MarcBytes.put(broken, entry245 + 7, "09999");

        List<Entry> entries = read(MarcFiles.concat(first, broken, third));

        assertThat(((Bad) entries.get(1)).reason())
                .isEqualTo("the directory entry for field 245 points past the end of the record");
        assertThat(entries).filteredOn(e -> e instanceof Read).hasSize(2);
    }

    @Test
    void aWrongLeaderLengthCannotSwallowTheNextRecord() throws IOException {
        byte[] longer = first.clone();
        MarcBytes.put(longer, 0, String.format("%05d", first.length + second.length));

        List<Entry> entries = read(MarcFiles.concat(longer, second));

        assertThat(entries).hasSize(2).allMatch(e -> e instanceof Read);
        assertThat(((Read) entries.get(0)).warnings()).anyMatch(w -> w.contains("differs from the real length"));
        assertThat(title(entries.get(1))).isEqualTo("Two");
    }

    @Test
    void reportsATruncatedLastRecordAtItsOffset() throws IOException {
        byte[] truncated = Arrays.copyOf(second, second.length / 2);

        List<Entry> entries = read(MarcFiles.concat(first, truncated));

        assertThat(entries).hasSize(2);
        assertThat(entries.get(1)).isInstanceOf(Bad.class);
        assertThat(entries.get(1).offset()).isEqualTo(first.length);
    }

    @Test
    void reportsInvalidUtf8NamingTheField() throws IOException {
        byte[] broken = second.clone();
        broken[MarcBytes.indexOf(broken, "Author 2")] = (byte) 0xC3;

        List<Entry> entries = read(MarcFiles.concat(first, broken, third));

        assertThat(entries.get(1)).isEqualTo(new Bad(2, first.length, "field 100 is not valid UTF-8"));
        assertThat(title(entries.get(2))).isEqualTo("Three");
    }

    @Test
    void convertsMarc8DiacriticsToNfcAndMarksTheLeaderUtf8() throws IOException {
        byte[] marc8 = MarcBytes.marc8(book("1", "Jane Eyre / Charlotte Bront\u00E8e"));

        Read read = (Read) read(marc8).get(0);

        assertThat(title(read)).isEqualTo("Jane Eyre / Charlotte Bront\u00EB");
        assertThat(read.record().getLeader().getCharCodingScheme()).isEqualTo('a');
    }

    @Test
    void readsAHashIndicatorAsBlankWithAWarning() throws IOException {
        byte[] hashed = second.clone();
        int field245 = MarcBytes.indexOf(hashed, "10\u001FaTwo");
        MarcBytes.put(hashed, field245, "#");

        Read read = (Read) read(hashed).get(0);

        assertThat(((DataField) read.record().getVariableField("245")).getIndicator1()).isEqualTo(' ');
        assertThat(read.warnings()).contains("field 245: indicator 1 '#' was read as a blank");
    }

    @Test
    void refusesAControlCharacterAsIndicator() throws IOException {
        byte[] broken = second.clone();
        broken[MarcBytes.indexOf(broken, "10\u001FaTwo")] = 0x01;

        assertThat(((Bad) read(broken).get(0)).reason())
                .isEqualTo("field 245: indicator 1 is a control character (0x01), so the field is broken");
    }

    @Test
    void skipsLineBreaksBetweenRecordsAndCountsThemInOffsets() throws IOException {
        List<Entry> entries = read(MarcFiles.concat(first, "\r\n".getBytes(), second, "\n".getBytes()));

        assertThat(entries).hasSize(2).allMatch(e -> e instanceof Read);
        assertThat(entries.get(1).offset()).isEqualTo(first.length + 2);
    }

    static List<Entry> read(byte[] bytes) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (MarcFileReader reader = MarcFileReader.read(new ByteArrayInputStream(bytes))) {
            reader.forEachRemaining(entries::add);
        }
        return entries;
    }

    static String title(Entry entry) {
        return ((DataField) ((Read) entry).record().getVariableField("245")).getSubfield('a').getData();
    }
}
