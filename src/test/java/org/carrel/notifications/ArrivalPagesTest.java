package org.carrel.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.carrel.catalog.Catalog;
import org.carrel.catalog.CatalogResult;
import org.carrel.catalog.marc.BasicDescription;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The public new-arrivals page and its Atom feed: the last 30 days' titles of a school that match the criteria,
 * newest first; the feed parses as Atom 1.0 with the feed's and each entry's required elements.
 */
@CarrelTest
@Import(CirculationFixtures.class)
class ArrivalPagesTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    MockMvc mvc;
    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcClient jdbc;

    String school;
    long owls;
    long mammals;

    @BeforeEach
    void newTitlesAtASchool() {
        school = fixtures.school();
        mammals = title("Mammals & their young", "599 SMI", "Grades 4-6", 3);
        owls = title("Owls of North America", "598.97 HAR", "Grades 3-5", 1);
        title("Sharks for teens", "597.3 SHA", "Grades 9-12", 1);
        title("Dog care", "636.7 DOG", "Grades 3-5", 1);
        title("The whale book", "599.5 WHA", "Grades 3-5", 40);
        long elsewhere = title("Turtles everywhere", "597.92 TUR", "Grades 3-5", 0);
        fixtures.copy(elsewhere, fixtures.school());
        jdbc.sql("delete from item where record_id = :id and school_id = :school").param("id", elsewhere)
                .param("school", fixtures.schoolId(school)).update();
    }

    @Test
    void theFeedIsAtomWithExactlyTheMatchingEntriesNewestFirst() throws Exception {
        MvcResult result = mvc.perform(get("/catalog/new.atom").param("dewey", "590-599").param("grades", "3-5")
                        .param("school", school))
                .andExpect(status().isOk()).andReturn();

        assertThat(result.getResponse().getContentType()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                result.getResponse().getContentAsByteArray()));
        Element feed = xml.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(child(feed, "id")).isEqualTo("http://localhost:8080/catalog/new?dewey=590-599&grades=3-5&school="
                + school);
        assertThat(child(feed, "title")).isNotBlank();
        assertThat(Instant.parse(child(feed, "updated"))).isNotNull();
        assertThat(child((Element) feed.getElementsByTagNameNS(ATOM, "author").item(0), "name")).isNotBlank();
        List<String> titles = new ArrayList<>();
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            titles.add(child(entry, "title"));
            assertThat(child(entry, "id")).startsWith("http://localhost:8080/catalog/records/");
            Element link = (Element) entry.getElementsByTagNameNS(ATOM, "link").item(0);
            assertThat(link.getAttribute("href")).isEqualTo(child(entry, "id"));
            assertThat(link.getAttribute("rel")).isEqualTo("alternate");
            assertThat(Instant.parse(child(entry, "updated"))).isBefore(Instant.now().plusSeconds(5));
        }
        assertThat(titles).containsExactly("Owls of North America", "Mammals & their young");
        assertThat(child((Element) entries.item(0), "id")).endsWith("/" + owls);
        assertThat(child(feed, "updated")).isEqualTo(child((Element) entries.item(0), "updated"));
    }

    @Test
    void thePageListsTheSameTitlesWithLinksToTheirPagesAndToTheFeed() throws Exception {
        mvc.perform(get("/catalog/new").param("dewey", "590-599").param("grades", "3-5").param("school", school))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/catalog/records/" + owls + "\"")))
                .andExpect(content().string(containsString("href=\"/catalog/records/" + mammals + "\"")))
                .andExpect(content().string(not(containsString("Sharks for teens"))))
                .andExpect(content().string(not(containsString("The whale book"))))
                .andExpect(content().string(not(containsString("Turtles everywhere"))))
                .andExpect(content().string(containsString("href=\"/catalog/new.atom?dewey=590-599&amp;grades=3-5"
                        + "&amp;school=" + school + "\"")));
        mvc.perform(get("/catalog/new").param("school", school))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sharks for teens")))
                .andExpect(content().string(containsString("Dog care")))
                .andExpect(content().string(not(containsString("The whale book"))));
    }

    @Test
    void unreadableCriteriaGetTheFormAgainOrA400() throws Exception {
        mvc.perform(get("/catalog/new").param("dewey", "599-590"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The Dewey range runs backwards")));
        mvc.perform(get("/catalog/new").param("school", "NO-SUCH-SCHOOL"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("There is no school with that code")));
        mvc.perform(get("/catalog/new.atom").param("grades", "13"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("grades: Write a grade such as 4")));
    }

    private static String child(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(ATOM, name);
        assertThat(found.getLength()).as("<%s> in <%s>", name, parent.getLocalName()).isPositive();
        return found.item(0).getTextContent();
    }

    /** A title with a copy at the school added {@code daysAgo} days ago (0: now). */
    private long title(String title, String callNumber, String level, int daysAgo) {
        CatalogResult saved = catalog.catalogue(new BasicDescription(title, null, "Harris, Mark", List.of(), "Press",
                2025, List.of(), null, null, level, callNumber, "BOOK", "eng"), "test");
        long id = ((CatalogResult.Saved) saved).id();
        fixtures.copy(id, school);
        jdbc.sql("update item set created_at = :at where record_id = :id")
                .param("at", fixtures.now().minusDays(daysAgo).minusMinutes(1).toOffsetDateTime())
                .param("id", id).update();
        return id;
    }
}
