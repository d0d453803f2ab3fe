package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carrel.shared.DemoData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The rollover asks the {@link PatronObligations} beans (circulation's, once it exists; here a stand-in) which
 * leaving students still have copies out, and clears the leavers' charges, and only theirs, when told to.
 */
@SpringBootTest(properties = {
        "carrel.data-dir=${java.io.tmpdir}/carrel-rollover-obligations-test", "carrel.search.dir=memory",
        "spring.datasource.url=jdbc:h2:mem:rollover-obligations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "carrel.demo=false"})
class RolloverObligationsTest {

    /** Copies out per patron, and the patrons whose charges were cleared, as a circulation module would keep. */
    static final class StandIn implements PatronObligations {
        final Map<Long, Integer> out = new HashMap<>();
        final List<Long> cleared = new ArrayList<>();

        @Override
        public Map<Long, Integer> itemsOut(Collection<Long> patronIds) {
            Map<Long, Integer> found = new HashMap<>();
            patronIds.stream().filter(out::containsKey).forEach(id -> found.put(id, out.get(id)));
            return found;
        }

        @Override
        public int clearCharges(Collection<Long> patronIds, String actor, String reason) {
            cleared.addAll(patronIds);
            return patronIds.size();
        }
    }

    @TestConfiguration
    static class Setup {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2027-05-20T15:00:00Z"), ZoneId.of("America/Chicago"));
        }

        @Bean
        StandIn obligationsStandIn() {
            return new StandIn();
        }
    }

    @Autowired
    List<DemoData> demoData;
    @Autowired
    Rollover rollover;
    @Autowired
    StandIn circulation;

    @Test
    void theLeaversWithCopiesOutAreListedAndOnlyTheLeaversChargesAreCleared() {
        demoData.stream().filter(d -> d.order() != 300).sorted(Comparator.comparingInt(DemoData::order))
                .forEach(DemoData::seed);
        assertThat(rollover.checksLoansAndCharges()).isTrue();
        RolloverPreview first = rollover.preview(Map.of(), ChargesChoice.CLEAR);
        long leaver = first.leaving().get(0).patronId();
        long another = first.leaving().get(5).patronId();
        circulation.out.put(leaver, 2);
        circulation.out.put(another, 1);
        circulation.out.put(-1L, 9);

        RolloverPreview preview = rollover.preview(Map.of(), ChargesChoice.CLEAR);

        assertThat(preview.leavingWithItemsOut())
                .extracting(RolloverPreview.Leaver::patronId, RolloverPreview.Leaver::itemsOut)
                .containsExactlyInAnyOrder(tuple(leaver, 2), tuple(another, 1));
        RolloverResult result = rollover.apply(Map.of(), ChargesChoice.CLEAR, preview.fingerprint(), "admin");
        assertThat(result).isInstanceOf(RolloverResult.Applied.class);
        assertThat(circulation.cleared).containsExactlyInAnyOrderElementsOf(
                preview.leaving().stream().map(RolloverPreview.Leaver::patronId).toList());
    }
}
