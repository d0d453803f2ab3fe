import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.carrel.catalog.importing.MarcFileReader;
import org.marc4j.MarcStreamReader;

/** Times marc4j's MarcStreamReader and MarcFileReader over FILE (best of ROUNDS) and prints one JSON line. */
public class MarcParse {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double marc4j = 0;
        double reader = 0;
        long records = 0;
        long read = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            records = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                MarcStreamReader marc = new MarcStreamReader(in, "UTF-8");
                while (marc.hasNext()) {
                    marc.next();
                    records++;
                }
            }
            marc4j = Math.max(marc4j, records / ((System.nanoTime() - start) / 1e9));
            start = System.nanoTime();
            read = 0;
            try (MarcFileReader carrel = MarcFileReader.open(file)) {
                while (carrel.hasNext()) {
                    if (carrel.next() instanceof MarcFileReader.Read) {
                        read++;
                    }
                }
            }
            reader = Math.max(reader, read / ((System.nanoTime() - start) / 1e9));
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("{\"records\":%d,\"readByMarcFileReader\":%d,\"marc4jRecordsPerSecond\":%.0f,"
                + "\"marcFileReaderRecordsPerSecond\":%.0f,\"peakHeapMiB\":%.1f,\"maxHeapMiB\":%d}%n", records, read, marc4j, reader, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576);
    }
}
