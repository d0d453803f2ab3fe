package org.carrel.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.patrons.PatronRecords;
import org.carrel.patrons.Patrons;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A teacher's own subscriptions page: bad input is refused with the specific message (in the reader's language) and
 * nothing is kept; good input is kept and linked to its page and feed; changes and removals touch only one's own;
 * an account without a patron record is told so; erasing or merging the patron takes the subscriptions along.
 */
@CarrelTest
@Import(CirculationFixtures.class)
class SubscriptionPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    ArrivalSubscriptions subscriptions;
    @Autowired
    Patrons patrons;
    @Autowired
    PatronRecords records;
    @Autowired
    JdbcClient jdbc;

    String school;
    long patronId;
    SignedInUser teacher;

    @BeforeEach
    void aTeacherSignedIn() {
        school = fixtures.school();
        patronId = fixtures.patronId(fixtures.teacher(school));
        teacher = linkedTeacher(patronId);
    }

    @Test
    void badRangesAreRefusedWithTheSpecificMessageAndNothingIsKept() throws Exception {
        mvc.perform(add("Birds", "599-590", "3-5", "").with(Users.as(teacher)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The Dewey range runs backwards: write the lower number "
                        + "first, such as 590-599.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        mvc.perform(add("", "59", "", "").with(Users.as(teacher)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Write a Dewey class such as 598.2 or a range such as "
                        + "590-599")));
        mvc.perform(add("", "", "5-3", "").with(Users.as(teacher)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The grade band runs backwards")));
        mvc.perform(add("", "", "", "").with(Users.as(teacher)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Fill in at least one of subjects")));
        mvc.perform(add("", "590 to 599", "", "").with(Users.as(teacher)).header("Accept-Language", "es"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Escriba una clase Dewey como 598.2")));

        assertThat(subscriptions.of(patronId)).isEmpty();
    }

    @Test
    void aSubscriptionIsKeptAndLinksToItsPageAndFeed() throws Exception {
        mvc.perform(add("Birds", "590 - 599", "3-5", "").param("name", "Animals, grade 4").with(Users.as(teacher)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/account/new-arrivals?saved"));

        Subscription kept = subscriptions.of(patronId).get(0);
        assertThat(kept.name()).isEqualTo("Animals, grade 4");
        assertThat(kept.criteria()).isEqualTo(new ArrivalCriteria("Birds", "590-599", "3-5", null));
        String query = "subject=Birds&amp;dewey=590-599&amp;grades=3-5&amp;school=" + school;
        mvc.perform(get("/account/new-arrivals").with(Users.as(teacher)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Animals, grade 4")))
                .andExpect(content().string(containsString("href=\"/catalog/new?" + query + "\"")))
                .andExpect(content().string(containsString("href=\"/catalog/new.atom?" + query + "\"")))
                .andExpect(content().string(containsString("href=\"/catalog/new?school=" + school + "\"")));
    }

    @Test
    void aTeacherChangesAndRemovesOnlyTheirOwnSubscriptions() throws Exception {
        subscriptions.add(patronId, new SubscriptionForm("", "Volcanoes", "", "", "", null));
        Subscription mine = subscriptions.of(patronId).get(0);
        long otherPatron = fixtures.patronId(fixtures.teacher(school));
        subscriptions.add(otherPatron, new SubscriptionForm("", "Oceans", "", "", "", null));
        Subscription theirs = subscriptions.of(otherPatron).get(0);

        mvc.perform(get("/account/new-arrivals/" + mine.id() + "/edit").with(Users.as(teacher)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"Volcanoes\"")));
        mvc.perform(get("/account/new-arrivals/" + theirs.id() + "/edit").with(Users.as(teacher)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/new-arrivals/" + mine.id()).with(csrf()).with(Users.as(teacher))
                        .param("subjects", "Volcanoes").param("grades", "K-2").param("version", "" + mine.version()))
                .andExpect(status().is3xxRedirection());
        assertThat(subscriptions.of(patronId).get(0).criteria().grades()).isEqualTo("K-2");
        mvc.perform(post("/account/new-arrivals/" + mine.id()).with(csrf()).with(Users.as(teacher))
                        .param("subjects", "Lava").param("version", "" + mine.version()))
                .andExpect(status().isConflict());
        mvc.perform(post("/account/new-arrivals/" + theirs.id() + "/delete").with(csrf()).with(Users.as(teacher)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/new-arrivals/" + mine.id() + "/delete").with(csrf()).with(Users.as(teacher)))
                .andExpect(status().is3xxRedirection());

        assertThat(subscriptions.of(patronId)).isEmpty();
        assertThat(subscriptions.of(otherPatron)).extracting(Subscription::id).containsExactly(theirs.id());
    }

    @Test
    void anAccountWithoutAPatronRecordIsToldSo() throws Exception {
        SignedInUser unlinked = new SignedInUser(8_800_000L + patronId, "unlinked", "Unlinked", Role.TEACHER,
                Set.of(fixtures.schoolId(school)));

        mvc.perform(get("/account/new-arrivals").with(Users.as(unlinked)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not linked to a patron record")))
                .andExpect(content().string(not(containsString("Add subscription"))));
        mvc.perform(add("Birds", "", "", "").with(Users.as(unlinked)))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void erasingThePatronDeletesTheirSubscriptionsAndMergingMovesThem() {
        subscriptions.add(patronId, new SubscriptionForm("", "Volcanoes", "", "", "", null));
        long duplicate = fixtures.patronId(fixtures.teacher(school));
        subscriptions.add(duplicate, new SubscriptionForm("", "Oceans", "", "", "", null));

        assertThat(patrons.merge(patronId, duplicate, "test").saved()).isTrue();
        assertThat(subscriptions.of(patronId)).extracting(s -> s.criteria().subjects())
                .containsExactlyInAnyOrder("Volcanoes", "Oceans");

        assertThat(records.erase(patronId, "test").saved()).isTrue();
        assertThat(subscriptions.of(patronId)).isEmpty();
    }

    private MockHttpServletRequestBuilder add(String subjects, String dewey, String grades, String keywords) {
        return post("/account/new-arrivals").with(csrf()).param("subjects", subjects).param("dewey", dewey)
                .param("grades", grades).param("keywords", keywords);
    }

    /** A teacher's sign-in whose account the patron record is linked to. */
    private SignedInUser linkedTeacher(long patron) {
        long accountId = 9_900_000L + patron;
        jdbc.sql("update patron set account_id = :account where id = :id").param("account", accountId)
                .param("id", patron).update();
        return new SignedInUser(accountId, "teacher" + patron, "Teacher " + patron, Role.TEACHER,
                Set.of(fixtures.schoolId(school)));
    }
}
