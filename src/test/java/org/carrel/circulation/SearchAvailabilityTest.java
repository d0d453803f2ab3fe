package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.carrel.search.Search;
import org.carrel.search.SearchHit;
import org.carrel.search.SearchRequest;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The public catalogue shows a copy as out once it is checked out, and on the shelf again once it is back. */
@CarrelTest
@Import(CirculationFixtures.class)
class SearchAvailabilityTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Circulation circulation;
    @Autowired
    Search search;

    @Test
    void aCheckoutAndAReturnChangeTheSchoolsAvailableCount() {
        String school = fixtures.school();
        String word = "Zyxquorn" + System.nanoTime() % 100000;
        long title = fixtures.title(word + " adventures");
        String copy = fixtures.copy(title, school);
        fixtures.copy(title, school);
        String student = fixtures.student(school, "3");
        assertThat(available(word, school)).isEqualTo(2);

        circulation.checkout(CheckoutRequest.of(student, copy, "desk"));
        assertThat(available(word, school)).isEqualTo(1);

        circulation.checkin(copy, null, "desk");
        assertThat(available(word, school)).isEqualTo(2);
    }

    private int available(String word, String school) {
        assertThat(search.awaitCurrent(Duration.ofSeconds(30))).as("the index caught up").isTrue();
        SearchHit hit = search.search(SearchRequest.keyword(word)).hits().get(0);
        long schoolId = fixtures.schoolId(school);
        return hit.availability().stream().filter(a -> a.schoolId() == schoolId).findFirst().orElseThrow()
                .available();
    }
}
