package org.carrel.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.catalog.importing.MarcFileReaderIso2709Test.title;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.carrel.catalog.importing.MarcFileReader.Bad;
import org.carrel.catalog.importing.MarcFileReader.Entry;
import org.carrel.catalog.importing.MarcFileReader.Read;
import org.junit.jupiter.api.Test;

class MarcFileReaderXmlTest {

    private static String record(String id, String title) {
        return "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">" + id
                + "</controlfield><datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">" + title
                + "</subfield></datafield></record>";
    }

    @Test
    void readsACollectionInTheMarc21SlimNamespace() throws IOException {
        List<Entry> entries = read("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + record("1", "One") + record("2", "Two")
                + "</collection>");

        assertThat(entries).hasSize(2).allMatch(e -> e instanceof Read);
        assertThat(title(entries.get(1))).isEqualTo("Two");
    }

    @Test
    void readsPrefixedElementsAndNormalisesToNfc() throws IOException {
        List<Entry> entries = read("<marc:collection xmlns:marc=\"http://www.loc.gov/MARC21/slim\">"
                + record("1", "Bronte\u0308").replace("<", "<marc:").replace("<marc:/", "</marc:")
                + "</marc:collection>");

        assertThat(title(entries.get(0))).isEqualTo("Bront\u00EB");
        assertThat(((Read) entries.get(0)).record().getLeader().getCharCodingScheme()).isEqualTo('a');
    }

    @Test
    void readsSeveralTopLevelRecordsWithNoRootElement() throws IOException {
        List<Entry> entries = read("\uFEFF  " + record("1", "One") + "\n" + record("2", "Two") + "\n"
                + record("3", "Three"));

        assertThat(entries).extracting(Entry::number).containsExactly(1, 2, 3);
        assertThat(title(entries.get(2))).isEqualTo("Three");
    }

    @Test
    void reportsARecordWithAMissingTagAndReadsTheNextOne() throws IOException {
        List<Entry> entries = read("<collection>" + record("1", "One").replace(" tag=\"245\"", "")
                + record("2", "Two") + "</collection>");

        assertThat(entries.get(0)).isInstanceOf(Bad.class);
        assertThat(((Bad) entries.get(0)).reason()).isEqualTo("a data field has no tag");
        assertThat(entries.get(0).offset()).isGreaterThan(0);
        assertThat(title(entries.get(1))).isEqualTo("Two");
    }

    @Test
    void reportsAMissingSubfieldCode() throws IOException {
        List<Entry> entries = read("<collection>" + record("1", "One").replace(" code=\"a\"", "") + "</collection>");

        assertThat(((Bad) entries.get(0)).reason()).isEqualTo("field 245 has a subfield with no code");
    }

    @Test
    void stopsAtAWellFormednessErrorWithOneLastBadEntry() throws IOException {
        List<Entry> entries = read("<collection>" + record("1", "One") + record("2", "Tw\u0001o")
                + record("3", "Three") + "</collection>");

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).isInstanceOf(Read.class);
        assertThat(((Bad) entries.get(1)).reason()).startsWith("the file is not well-formed XML");
    }

    @Test
    void refusesExternalEntities() throws IOException {
        List<Entry> entries = read("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<collection>" + record("1", "&e;") + "</collection>");

        assertThat(entries).noneMatch(e -> e instanceof Read && title(e).contains("root"));
        assertThat(entries.get(entries.size() - 1)).isInstanceOf(Bad.class);
    }

    private static List<Entry> read(String xml) throws IOException {
        return MarcFileReaderIso2709Test.read(xml.getBytes(StandardCharsets.UTF_8));
    }
}
