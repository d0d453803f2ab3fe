package org.carrel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.search.Titles.aTitle;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.carrel.catalog.Catalog;
import org.carrel.catalog.CatalogResult;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemForm;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Facet counts are exact: on a random catalogue they equal what SQL counts in the catalogue's own tables. */
@CarrelTest
class FacetCountsTest {

    private static final String[] STATUSES = {"AVAILABLE", "AVAILABLE", "AVAILABLE", "CHECKED_OUT", "MISSING",
            "WITHDRAWN"};

    @Autowired
    Search search;
    @Autowired
    Catalog catalog;
    @Autowired
    Copies copies;
    @Autowired
    District district;
    @Autowired
    JdbcClient jdbc;

    List<SchoolView> schools;

    @BeforeEach
    void aRandomCatalogue() {
        TestData.emptyCatalogue(jdbc);
        search.reindex();
        schools = List.of(TestData.school(district, "FCA"), TestData.school(district, "FCB"),
                TestData.school(district, "FCC"));
        Random random = new Random(7);
        int barcode = 0;
        for (int i = 0; i < 150; i++) {
            Titles title = aTitle((i % 3 == 0 ? "Ocean " : "Forest ") + "story " + i).by("Author, Number " + (i % 9))
                    .about(i % 2 == 0 ? "Whales" : "Trees", "Juvenile literature").year(1950 + random.nextInt(75))
                    .audience("abcdj".charAt(random.nextInt(5)));
            CatalogResult created = catalog.createRecord(title.marc(), "test");
            long record = ((CatalogResult.Saved) created).id();
            int copiesOfTitle = random.nextInt(4);
            for (int c = 0; c < copiesOfTitle; c++) {
                SchoolView school = schools.get(random.nextInt(schools.size()));
                String status = STATUSES[random.nextInt(STATUSES.length)];
                assertThat(copies.addItem(record, new ItemForm("FC-" + ++barcode, String.valueOf(school.id()), "", "",
                        "BOOK", status, "1", "", "", "", "", "", "", "0"), "test").saved()).isTrue();
            }
        }
        assertThat(search.awaitCurrent(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void schoolAndAvailabilityCountsMatchSql() {
        SearchResult oceans = search.search(SearchRequest.keyword("ocean"));
        assertThat(oceans.total()).isEqualTo(sqlCount("lower(r.title) like '%ocean%'"));
        for (SchoolView school : schools) {
            assertThat(count(oceans, Facets.SCHOOL, Long.toString(school.id()))).isEqualTo(sqlCount(
                    "lower(r.title) like '%ocean%' and exists (select 1 from item i where i.record_id = r.id "
                            + "and i.school_id = " + school.id() + " and i.status <> 'WITHDRAWN')"));
            assertThat(count(oceans, Facets.AVAILABLE, Long.toString(school.id()))).isEqualTo(sqlCount(
                    "lower(r.title) like '%ocean%' and exists (select 1 from item i where i.record_id = r.id "
                            + "and i.school_id = " + school.id() + " and i.status = 'AVAILABLE')"));
        }
    }

    @Test
    void decadeAndFilteredCountsMatchSql() {
        SchoolView first = schools.get(0);
        SearchFilters atFirst = new SearchFilters(Set.of(Long.toString(first.id())), null, null, null, null, null,
                null, null, null, null, 1970, 2009, null);
        SearchResult result = search.search(new SearchRequest("story", SearchField.KEYWORD, atFirst, 1, 10, false));
        String where = "r.pub_year between 1970 and 2009 and exists (select 1 from item i where i.record_id = r.id "
                + "and i.school_id = " + first.id() + " and i.status <> 'WITHDRAWN')";
        assertThat(result.total()).isEqualTo(sqlCount(where));
        Map<String, Long> decades = new HashMap<>();
        jdbc.sql("select r.pub_year / 10 * 10 as decade, count(*) from bib_record r where r.deleted_at is null and "
                        + where + " group by r.pub_year / 10 * 10")
                .query((row, n) -> decades.put(Integer.toString(row.getInt(1)), row.getLong(2))).list();
        Map<String, Long> facet = new HashMap<>();
        result.facets().get(Facets.DECADE).forEach(value -> facet.put(value.value(), value.count()));
        assertThat(facet).isEqualTo(decades);
        assertThat(result.facets().get(Facets.FORMAT)).containsExactly(new FacetCount("BOOK", result.total()));
    }

    @Test
    void aFilterOnAFacetValueFindsExactlyItsCount() {
        SearchResult all = search.search(SearchRequest.keyword("story"));
        for (FacetCount band : all.facets().get(Facets.GRADE_BAND)) {
            SearchFilters filter = new SearchFilters(null, null, null, Set.of(band.value()), null, null, null, null,
                    null, null, null, null, null);
            assertThat(search.search(new SearchRequest("story", SearchField.KEYWORD, filter, 1, 10, false)).total())
                    .as(band.value()).isEqualTo(band.count());
        }
        assertThat(all.facets().get(Facets.GRADE_BAND)).extracting(FacetCount::value)
                .contains(GradeBand.PRE_K.name(), GradeBand.K_2.name(), GradeBand.GRADES_9_12.name());
    }

    @Test
    void countsStayExactAfterChangesInLaterSegments() {
        // An ocean title about whales (an even number) with no copies kept, which may be deleted.
        long whales = jdbc.sql("select id, title from bib_record r where lower(title) like 'ocean story %' "
                        + "and not exists (select 1 from item i where i.record_id = r.id and i.status <> 'WITHDRAWN') "
                        + "order by id")
                .query((row, n) -> Integer.parseInt(row.getString(2).replaceAll("\\D", "")) % 2 == 0
                        ? row.getLong(1) : 0)
                .list().stream().filter(id -> id > 0).findFirst().orElseThrow();
        long lastOcean = jdbc.sql("select max(id) from bib_record where lower(title) like '%ocean%'")
                .query(Long.class).single();
        assertThat(catalog.deleteRecord(whales, "test").saved()).isTrue();
        SchoolView school = schools.get(1);
        assertThat(copies.addItem(lastOcean, new ItemForm("FC-NEW", String.valueOf(school.id()), "", "", "BOOK",
                "AVAILABLE", "1", "", "", "", "", "", "", "0"), "test").saved()).isTrue();
        catalog.createRecord(aTitle("Ocean of volcanoes").by("Author, New").about("Volcanoes").year(2021).marc(),
                "test");
        assertThat(search.awaitCurrent(Duration.ofSeconds(60))).isTrue();

        SearchResult oceans = search.search(SearchRequest.keyword("ocean"));
        assertThat(oceans.total()).isEqualTo(sqlCount("lower(r.title) like '%ocean%'"));
        assertThat(count(oceans, Facets.AVAILABLE, Long.toString(school.id()))).isEqualTo(sqlCount(
                "lower(r.title) like '%ocean%' and exists (select 1 from item i where i.record_id = r.id "
                        + "and i.school_id = " + school.id() + " and i.status = 'AVAILABLE')"));
        assertThat(count(oceans, Facets.SUBJECT, "Volcanoes")).isEqualTo(1);
        // Titles 0, 6, 12, ... 144 are oceans about whales; one of them is deleted.
        assertThat(count(oceans, Facets.SUBJECT, "Whales")).isEqualTo(25 - 1);
    }

    private long sqlCount(String where) {
        return jdbc.sql("select count(*) from bib_record r where r.deleted_at is null and " + where)
                .query(Long.class).single();
    }

    private static long count(SearchResult result, String dim, String value) {
        return result.facets().get(dim).stream().filter(v -> v.value().equals(value)).mapToLong(FacetCount::count)
                .sum();
    }

}
