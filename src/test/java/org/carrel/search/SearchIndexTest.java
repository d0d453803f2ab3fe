package org.carrel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.search.Titles.aTitle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.carrel.catalog.RecordView;
import org.carrel.catalog.marc.Description;
import org.carrel.testing.TempFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.Record;

/** The index on disk: built when missing, kept when closed cleanly, rebuilt after a crash, a stale mark or a new schema. */
class SearchIndexTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 9, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    private final Path folder = TempFolders.create("carrel-search-index-");
    private final List<RecordView> catalogue = List.of(record(1, aTitle("Charlotte's web").by("White, E. B.")),
            record(2, aTitle("Stuart Little").by("White, E. B.")), record(3, aTitle("Frindle").by("Clements, Andrew")));

    @AfterEach
    void removeFolder() {
        TempFolders.deleteQuietly(folder);
    }

    @Test
    void buildsAMissingIndexAndKeepsItWhenClosedCleanly() throws IOException {
        try (SearchIndex index = SearchIndex.open(folder)) {
            assertThat(index.needsRebuild()).isTrue();
            ReindexReport report = index.rebuild(this::page);
            assertThat(report.records()).isEqualTo(3);
            assertThat(report.sizeBytes()).isPositive();
            assertThat(index.needsRebuild()).isFalse();
        }
        try (SearchIndex index = SearchIndex.open(folder)) {
            assertThat(index.needsRebuild()).isFalse();
            assertThat(index.engine().search(SearchRequest.keyword("white")).total()).isEqualTo(2);
            assertThat(index.suggestions().lookup("fri", 5)).extracting(Suggestion::text).containsExactly("Frindle");
        }
    }

    @Test
    void rebuildsAnIndexLeftByAProcessThatDidNotCloseIt() throws IOException {
        Path crashImage = TempFolders.create("carrel-search-crash-");
        try (SearchIndex index = SearchIndex.open(folder)) {
            index.rebuild(this::page);
            index.apply(List.of(4L), List.of(record(4, aTitle("Holes").by("Sachar, Louis"))), Set.of(4L));
            copyWithoutLock(folder, crashImage);
        }
        try (SearchIndex index = SearchIndex.open(crashImage)) {
            assertThat(index.needsRebuild()).isTrue();
        } finally {
            TempFolders.deleteQuietly(crashImage);
        }
    }

    @Test
    void rebuildsWhenMarkedStaleOrBuiltByAnOlderSchema() throws IOException {
        try (SearchIndex index = SearchIndex.open(folder)) {
            index.rebuild(this::page);
        }
        Files.writeString(folder.resolve(SearchIndex.STALE_MARKER), "changed");
        try (SearchIndex index = SearchIndex.open(folder)) {
            assertThat(index.needsRebuild()).isTrue();
            index.rebuild(this::page);
            assertThat(folder.resolve(SearchIndex.STALE_MARKER)).doesNotExist();
        }
        try (FSDirectory directory = FSDirectory.open(folder.resolve(SearchIndex.INDEX_FOLDER));
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of("carrel.schema", "0", "carrel.clean", "true").entrySet());
            writer.commit();
        }
        try (SearchIndex index = SearchIndex.open(folder)) {
            assertThat(index.needsRebuild()).isTrue();
        }
    }

    @Test
    void appliesChangesAndDeletions() throws IOException {
        try (SearchIndex index = SearchIndex.open(folder)) {
            index.rebuild(this::page);
            index.apply(List.of(1L, 2L), List.of(record(2, aTitle("Stuart Little, the movie book").by("White, E. B."))),
                    Set.of(1L, 2L));
            assertThat(index.engine().search(SearchRequest.keyword("charlotte")).total()).isZero();
            assertThat(index.engine().search(SearchRequest.keyword("movie")).total()).isEqualTo(1);
            assertThat(index.engine().numDocs()).isEqualTo(2);
        }
    }

    private List<RecordView> page(long afterId, int limit) {
        return catalogue.stream().filter(r -> r.id() > afterId).limit(limit).toList();
    }

    private static RecordView record(long id, Titles title) {
        Record marc = title.marc();
        return new RecordView(id, Description.of(marc), marc, List.of(), CREATED, CREATED, 0);
    }

    private static void copyWithoutLock(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, target);
                }
            }
        }
    }
}
