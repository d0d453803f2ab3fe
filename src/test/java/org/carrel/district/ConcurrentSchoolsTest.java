package org.carrel.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two admins adding the same school code at the same moment: one school, one clear refusal, never an error. */
@CarrelTest
class ConcurrentSchoolsTest {

    @Autowired
    District district;

    @Test
    void aCodeTakenByAConcurrentAdditionIsADuplicateNotAnError() {
        List<DistrictResult> outcomes = new ArrayList<>();
        for (int round = 0; round < 25; round++) {
            String code = "RACE" + round;
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<DistrictResult>> both = List.of(add(code, together), add(code, together));
            both.forEach(f -> outcomes.add(f.join()));
            assertThat(district.schools().stream().filter(s -> s.code().equals(code))).hasSize(1);
        }
        assertThat(outcomes).filteredOn(DistrictResult::saved).hasSize(25);
        assertThat(outcomes).filteredOn(o -> !o.saved()).hasSize(25)
                .allSatisfy(o -> assertThat(o).isInstanceOf(DistrictResult.Duplicate.class));
    }

    private CompletableFuture<DistrictResult> add(String code, CyclicBarrier together) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return district.createSchool(new SchoolForm(code, "Race " + code, "K", "5", "ELEMENTARY", null, null,
                    null, null, null, null), "test");
        });
    }
}
