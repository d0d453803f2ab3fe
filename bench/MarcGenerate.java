import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Writes N synthetic school-library records (UTF-8 ISO 2709) to OUT, one at a time so memory stays flat:
 * 001, 008, 020, 092, 100, 245, 264, 520, two or three 650s and one to three Koha 952 items with unique barcodes.
 * Usage: java -cp CLASSPATH bench/MarcGenerate.java OUT N
 */
public class MarcGenerate {

    static final String[] TOPICS = {"Dinosaurs", "Volcanoes", "Friendship", "Space flight", "Baseball", "Dragons",
            "Oceans", "Robots", "Weather", "Ancient Egypt", "Insects", "Mysteries"};
    static final String[] NAMES = {"Rivera, Ana", "Okafor, Chidi", "Nguyen, Linh", "M\u00FCller, J\u00FCrgen",
            "Bront\u00EB, Emily", "Smith, Sam", "Garc\u00EDa, Luc\u00EDa", "Kowalski, Piotr"};
    static final String[] TYPES = {"BK", "BK", "BK", "PB", "DVD", "AUDIO"};

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        MarcFactory f = MarcFactory.newInstance();
        Random random = new Random(42);
        long barcode = 31234000000000L;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            MarcStreamWriter writer = new MarcStreamWriter(file, "UTF-8");
            for (int i = 1; i <= count; i++) {
                String topic = TOPICS[random.nextInt(TOPICS.length)];
                Record r = f.newRecord("00000nam a2200000 i 4500");
                r.addVariableField(f.newControlField("001", "syn" + i));
                r.addVariableField(f.newControlField("008", "240101s2019    xxua   j      000 1 eng d"));
                r.addVariableField(field(f, "020", ' ', ' ', 'a', "978" + String.format("%010d", i)));
                r.addVariableField(field(f, "092", ' ', ' ', 'a', String.format("%03d.%d", random.nextInt(1000),
                        random.nextInt(100)), 'b', "SYN"));
                r.addVariableField(field(f, "100", '1', ' ', 'a', NAMES[random.nextInt(NAMES.length)] + ",", 'e',
                        "author."));
                r.addVariableField(field(f, "245", '1', '0', 'a', "All about " + topic.toLowerCase() + " /", 'c',
                        "a synthetic book number " + i + "."));
                r.addVariableField(field(f, "264", ' ', '1', 'a', "New York :", 'b', "Carrel Press,", 'c',
                        String.valueOf(1990 + random.nextInt(35))));
                r.addVariableField(field(f, "520", ' ', ' ', 'a', "A readable introduction to "
                        + topic.toLowerCase() + " for young readers, with pictures, a glossary and an index."));
                for (int s = 0, n = 2 + random.nextInt(2); s < n; s++) {
                    r.addVariableField(field(f, "650", ' ', '1', 'a', TOPICS[random.nextInt(TOPICS.length)], 'v',
                            "Juvenile literature."));
                }
                for (int c = 0, n = 1 + random.nextInt(3); c < n; c++) {
                    r.addVariableField(field(f, "952", ' ', ' ', 'a', "OAK", 'b', "OAK", 'c', "GEN", 'o',
                            "FIC SYN", 'p', String.valueOf(barcode++), 'y', TYPES[random.nextInt(TYPES.length)],
                            'd', "2024-08-30", 'g', "14.99", '0', "0", '1', "0", '4', "0", '7', "0"));
                }
                writer.write(r);
            }
            writer.close();
        }
    }

    static DataField field(MarcFactory f, String tag, char ind1, char ind2, Object... codesAndValues) {
        DataField field = f.newDataField(tag, ind1, ind2);
        for (int i = 0; i < codesAndValues.length; i += 2) {
            field.addSubfield(f.newSubfield((Character) codesAndValues[i], (String) codesAndValues[i + 1]));
        }
        return field;
    }
}
