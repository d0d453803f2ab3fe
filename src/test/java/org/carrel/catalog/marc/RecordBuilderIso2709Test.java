package org.carrel.catalog.marc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

class RecordBuilderIso2709Test {

    @Test
    void builtRecordsSurviveAnIso2709RoundTripIncludingNonAsciiTitles() {
        BasicDescription spanish = new BasicDescription("El sueño de Pedro", "un cuento", "Pérez, Ana",
                List.of("9780064400558"), "Ediciones Ñandú", 2019, List.of("Sueños -- Ficción juvenil"),
                "Pedro sueña con volar sobre la ciudad.", "a", null, "SP E PER", "BOOK", "spa");
        List<Record> built = List.of(RecordBuilder.build(RecordBuilderTest.charlottesWeb(), RecordBuilderTest.ENTERED),
                RecordBuilder.build(spanish, RecordBuilderTest.ENTERED));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
        built.forEach(writer::write);
        writer.close();

        MarcStreamReader reader = new MarcStreamReader(new ByteArrayInputStream(out.toByteArray()), "UTF-8");
        List<Record> read = new ArrayList<>();
        while (reader.hasNext()) {
            read.add(reader.next());
        }

        assertThat(read).hasSize(2);
        assertThat(read.get(1).getLeader().getCharCodingScheme()).isEqualTo('a');
        assertThat(read.get(1).getLeader().getBaseAddressOfData()).isGreaterThan(24);
        assertThat(((DataField) read.get(1).getVariableField("245")).getSubfield('a').getData())
                .isEqualTo("El sueño de Pedro :");
        assertThat(RecordBuilderTest.indicators(read.get(1), "245")).isEqualTo("13");
        assertThat(RecordBuilderTest.fixed(read.get(1)).substring(35, 38)).isEqualTo("spa");
        for (int i = 0; i < built.size(); i++) {
            assertThat(fieldsOf(read.get(i))).isEqualTo(fieldsOf(built.get(i)));
        }
    }

    static List<String> fieldsOf(Record record) {
        return record.getVariableFields().stream().map(Object::toString).collect(Collectors.toList());
    }

    @Test
    void theRecordLengthCountsUtf8BytesNotCharacters() {
        BasicDescription d = RecordBuilderTest.described("El sueño de Pedro", null, null, "BOOK");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
        writer.write(RecordBuilder.build(d, RecordBuilderTest.ENTERED));
        writer.close();

        byte[] bytes = out.toByteArray();
        assertThat(Integer.parseInt(new String(bytes, 0, 5))).isEqualTo(bytes.length);
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) 0x1D);
    }
}
