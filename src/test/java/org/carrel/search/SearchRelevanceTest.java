package org.carrel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.search.Titles.aTitle;

import java.time.Duration;
import java.util.List;

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

/** Relevance on a fixed catalogue: what a child, a teacher and a librarian expect to see first. */
@CarrelTest
class SearchRelevanceTest {

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

    long sorcerersStone;
    long chamber;
    long giver;
    long giftGivers;
    long numberTheStars;
    long sueno;
    long dinosaurs;
    long dinosaurBones;

    @BeforeEach
    void aSmallCatalogue() {
        TestData.emptyCatalogue(jdbc);
        search.reindex();
        SchoolView oak = TestData.school(district, "SROAK");
        SchoolView maple = TestData.school(district, "SRMAPLE");
        sorcerersStone = record(aTitle("Harry Potter and the sorcerer's stone").by("Rowling, J. K.")
                .isbn("9780590353427").about("Wizards", "Fiction").about("Magic", "Fiction").callNumber("FIC ROW")
                .audience('c').series("Harry Potter"));
        copy(sorcerersStone, "SR-1", oak, "AVAILABLE");
        copy(sorcerersStone, "SR-2", oak, "MISSING");
        copy(sorcerersStone, "SR-3", maple, "AVAILABLE");
        chamber = record(aTitle("Harry Potter and the chamber of secrets").by("Rowling, J. K.")
                .about("Wizards", "Fiction").callNumber("FIC ROW").audience('c').series("Harry Potter"));
        copy(chamber, "SR-4", oak, "AVAILABLE");
        giver = record(aTitle("The giver").by("Lowry, Lois").about("Memory", "Fiction").callNumber("FIC LOW")
                .audience('d').year(1993));
        copy(giver, "SR-5", maple, "AVAILABLE");
        giftGivers = record(aTitle("Gift givers around the world").by("Giver, Sam")
                .summary("How the givers of gifts celebrate; the giver and the gift.").callNumber("394.26 GIV")
                .year(2019));
        copy(giftGivers, "SR-6", oak, "AVAILABLE");
        numberTheStars = record(aTitle("Number the stars").by("Lowry, Lois").about("World War, 1939-1945", "Fiction")
                .callNumber("FIC LOW").audience('c').year(1989));
        copy(numberTheStars, "SR-7", oak, "AVAILABLE");
        sueno = record(aTitle("El sueño de Pedro").by("García, Lucía").about("Sueños", "Ficción").language("spa")
                .callNumber("E GAR").audience('b'));
        copy(sueno, "SR-8", maple, "AVAILABLE");
        dinosaurs = record(aTitle("Dinosaurs").by("Smith, Ann").about("Dinosaurs", "Juvenile literature")
                .callNumber("567.9 SMI").audience('b').lexile("540L").guidedReading("M").year(2021));
        copy(dinosaurs, "SR-9", oak, "AVAILABLE");
        copy(dinosaurs, "SR-10", maple, "AVAILABLE");
        dinosaurBones = record(aTitle("Dinosaur bones : a first look at fossils").by("Barton, Bob")
                .about("Dinosaurs", "Juvenile literature").about("Fossils").callNumber("567.9 BAR").audience('b')
                .lexile("AD420L").year(1990));
        copy(dinosaurBones, "SR-11", oak, "CHECKED_OUT");
        assertThat(search.awaitCurrent(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void putsTheExactTitleFirst() {
        assertThat(ids(keyword("the giver"))).startsWith(giver).contains(giftGivers);
        assertThat(ids(keyword("Dinosaurs"))).startsWith(dinosaurs).contains(dinosaurBones);
        assertThat(ids(keyword("harry potter and the chamber of secrets"))).startsWith(chamber);
    }

    @Test
    void putsTitlesWithTheWordsInTheirOrderFirst() {
        // The shorter title would come first on its words alone; the other has "secret garden" as typed.
        long apart = record(aTitle("A garden with a secret").by("Moss, Ida"));
        long together = record(aTitle("The secret garden and other stories from the hill").by("Fern, Al"));
        long threeInOrder = record(aTitle("Stories of the old stone bridge and the river").by("Stone, Jo"));
        long threeApart = record(aTitle("Old river stories in stone").by("Bridge, Ed"));
        assertThat(search.awaitCurrent(Duration.ofSeconds(30))).isTrue();
        assertThat(ids(keyword("secret garden"))).containsExactly(together, apart);
        assertThat(ids(keyword("old stone bridge"))).containsExactly(threeInOrder, threeApart);
    }

    @Test
    void findsAnAuthorByEitherFormOfTheName() {
        assertThat(ids(field("lois lowry", SearchField.AUTHOR))).containsExactlyInAnyOrder(giver, numberTheStars);
        assertThat(ids(field("Lowry, Lois", SearchField.AUTHOR))).containsExactlyInAnyOrder(giver, numberTheStars);
        assertThat(ids(keyword("Lois Lowry")).subList(0, 2)).containsExactlyInAnyOrder(giver, numberTheStars);
        assertThat(ids(field("rowling", SearchField.TITLE))).isEmpty();
    }

    @Test
    void correctsAChildsMisspelling() {
        SearchResult result = search.search(SearchRequest.keyword("harry poter"));
        assertThat(result.didYouMean()).isEqualTo("harry potter");
        assertThat(result.showingResultsFor()).isEqualTo("harry potter");
        assertThat(ids(result)).containsExactlyInAnyOrder(sorcerersStone, chamber);
        SearchResult dinosaur = search.search(SearchRequest.keyword("dinosuars"));
        assertThat(dinosaur.didYouMean()).isEqualTo("dinosaurs");
        assertThat(ids(dinosaur)).startsWith(dinosaurs);
        assertThat(search.search(SearchRequest.keyword("harry potter")).didYouMean()).isNull();
    }

    @Test
    void findsAnIsbnInEitherForm() {
        assertThat(ids(keyword("0-590-35342-X"))).containsExactly(sorcerersStone);
        assertThat(ids(field("059035342x", SearchField.ISBN))).containsExactly(sorcerersStone);
        assertThat(ids(field("978-0-590-35342-7", SearchField.ISBN))).containsExactly(sorcerersStone);
        assertThat(ids(field("not an isbn", SearchField.ISBN))).isEmpty();
    }

    @Test
    void foldsDiacriticsAndStemsSpanish() {
        assertThat(ids(keyword("sueno"))).containsExactly(sueno);
        assertThat(ids(keyword("Sueño"))).containsExactly(sueno);
        assertThat(ids(keyword("garcia lucia"))).containsExactly(sueno);
        assertThat(ids(keyword("sueños"))).containsExactly(sueno);
        assertThat(ids(keyword("ficcion"))).containsExactly(sueno);
    }

    @Test
    void stemsEnglishAndSearchesPhrasesAndBooleans() {
        assertThat(ids(keyword("dinosaur"))).contains(dinosaurs, dinosaurBones);
        assertThat(ids(keyword("\"first look\""))).containsExactly(dinosaurBones);
        assertThat(ids(keyword("\"look first\""))).isEmpty();
        assertThat(ids(keyword("dinosaurs -fossils"))).containsExactly(dinosaurs);
        assertThat(ids(keyword("dinosaurs NOT fossils"))).containsExactly(dinosaurs);
        assertThat(ids(keyword("memory OR wizards"))).containsExactlyInAnyOrder(giver, sorcerersStone, chamber);
        assertThat(ids(keyword("wiz*"))).containsExactlyInAnyOrder(sorcerersStone, chamber);
    }

    @Test
    void browsesCallNumbersInShelfOrder() {
        List<Long> shelf = ids(field("567", SearchField.CALL_NUMBER));
        assertThat(shelf).startsWith(dinosaurBones, dinosaurs);
    }

    @Test
    void answersHostileQueriesWithANormalResult() {
        for (String hostile : List.of("*", "a*", "?", "\"", "\"unbalanced quote", "title:(harry", "harry AND",
                "OR OR OR", "NOT", "-", "\\", "~~^2", "[a TO z]", "{!lucene}x", "/.*/", "x".repeat(5000),
                "harry ".repeat(1000), "\u0000\u0007")) {
            SearchResult result = search.search(SearchRequest.keyword(hostile));
            assertThat(result.total()).as(hostile.length() > 40 ? hostile.substring(0, 40) : hostile)
                    .isBetween(0L, 8L);
        }
        assertThat(ids(keyword("harry ".repeat(1000)))).containsExactlyInAnyOrder(sorcerersStone, chamber);
    }

    @Test
    void listsCopiesAndFindsBarcodesOnlyForStaff() {
        SearchRequest publicRequest = new SearchRequest("SR-3", SearchField.KEYWORD, SearchFilters.NONE, 1, 20, false);
        assertThat(search.search(publicRequest).total()).isZero();
        SearchResult staff = search.search(new SearchRequest("sr-3", SearchField.KEYWORD, SearchFilters.NONE, 1, 20,
                true));
        assertThat(ids(staff)).containsExactly(sorcerersStone);
        assertThat(staff.barcode().recordId()).isEqualTo(sorcerersStone);
        assertThat(copies.item(staff.barcode().itemId()).orElseThrow().barcode()).isEqualTo("SR-3");
        assertThat(staff.hits().get(0).items()).extracting(SearchHit.ItemHit::barcode)
                .containsExactlyInAnyOrder("SR-1", "SR-2", "SR-3");
        assertThat(search.search(SearchRequest.keyword("harry potter")).hits().get(0).items()).isEmpty();
    }

    @Test
    void reportsAvailabilityPerSchool() {
        SearchHit hit = search.search(SearchRequest.keyword("sorcerer's stone")).hits().get(0);
        assertThat(hit.availability()).containsExactly(
                new SearchHit.Availability(TestData.school(district, "SROAK").id(), 2, 1),
                new SearchHit.Availability(TestData.school(district, "SRMAPLE").id(), 1, 1));
        assertThat(hit.authors()).containsExactly("Rowling, J. K.");
        assertThat(hit.isbns()).containsExactly("9780590353427");
    }

    @Test
    void seesAChangeOnceItIsCommitted() {
        CatalogResult result = copies.changeStatus(copies.itemByBarcode("SR-9").orElseThrow().id(),
                copies.itemByBarcode("SR-9").orElseThrow().version(), org.carrel.catalog.ItemStatus.MISSING,
                "not on the shelf", "test");
        assertThat(result.saved()).isTrue();
        assertThat(search.awaitCurrent(Duration.ofSeconds(30))).isTrue();
        String oak = Long.toString(TestData.school(district, "SROAK").id());
        SearchFilters availableAtOak = new SearchFilters(null, oak, null, null, null, null, null, null, null, null,
                null, null, null);
        assertThat(ids(search.search(new SearchRequest("dinosaurs", SearchField.KEYWORD, availableAtOak, 1, 20,
                false)))).isEmpty();
        assertThat(catalog.deleteRecord(chamber, "test").saved()).isFalse();
    }

    private long record(Titles title) {
        CatalogResult result = catalog.createRecord(title.marc(), "test");
        assertThat(result).isInstanceOf(CatalogResult.Saved.class);
        return ((CatalogResult.Saved) result).id();
    }

    private void copy(long record, String barcode, SchoolView school, String status) {
        CatalogResult result = copies.addItem(record, new ItemForm(barcode, String.valueOf(school.id()), "", "",
                "BOOK", status, "1", "", "", "", "", "", "", "0"), "test");
        assertThat(result.saved()).as(result.toString()).isTrue();
    }

    private SearchResult keyword(String query) {
        return search.search(SearchRequest.keyword(query));
    }

    private SearchResult field(String query, SearchField field) {
        return search.search(new SearchRequest(query, field, SearchFilters.NONE, 1, 20, false));
    }

    private static List<Long> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }
}
