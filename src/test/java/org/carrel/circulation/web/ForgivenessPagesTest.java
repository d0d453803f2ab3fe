package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import org.carrel.accounts.Role;
import org.carrel.circulation.Charges;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Bulk forgiveness from the staff page: preview, the reason, who may, and what it reaches. */
@CarrelTest
@Import(CirculationFixtures.class)
class ForgivenessPagesTest {

    private static final String PAGE = "/staff/circulation/charges/forgive";

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Charges charges;
    @Autowired
    MockMvc mvc;

    String school;
    long schoolId;
    long third;
    long fourth;
    long thirdCharge;
    long fourthCharge;

    @BeforeEach
    void aThirdAndAFourthGraderWhoOwe() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        third = fixtures.patronId(fixtures.student(school, "3"));
        fourth = fixtures.patronId(fixtures.student(school, "4"));
        thirdCharge = charges.add(third, schoolId, null, "OTHER", new BigDecimal("2.75"), "Torn page", "desk")
                .chargeId();
        fourthCharge = charges.add(fourth, schoolId, null, "OTHER", new BigDecimal("1.00"), "Torn page", "desk")
                .chargeId();
    }

    @Test
    void thePreviewCountsWhatAGradeOwesAndTheConfirmationForgivesIt() throws Exception {
        mvc.perform(get(PAGE).param("school", school).param("grade", "3")
                        .with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1 patrons owe 1 charges, 2.75 in all.")))
                .andExpect(content().string(Matchers.containsString("Forgive these 1 charges")));
        assertThat(charges.charge(thirdCharge).orElseThrow().settled()).as("a preview changes nothing").isFalse();

        mvc.perform(post(PAGE).with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId)).param("school", school)
                        .param("grade", "3").param("graduationYear", "").param("reason", "Reading month amnesty"))
                .andExpect(status().isFound()).andExpect(redirectedUrl(PAGE + "?forgiven=1"));

        assertThat(charges.charge(thirdCharge).orElseThrow().settled()).isTrue();
        assertThat(charges.charge(fourthCharge).orElseThrow().settled()).isFalse();
    }

    @Test
    void aGroupMustBeAGradeOrAGraduationYearAndTheConfirmationNeedsAReason() throws Exception {
        mvc.perform(get(PAGE).param("school", school).param("grade", "3").param("graduationYear", "2030")
                        .with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("not both")));
        mvc.perform(get(PAGE).param("school", school).with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get(PAGE).param("school", school).param("graduationYear", "20x0")
                        .with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post(PAGE).with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId)).param("school", school)
                        .param("grade", "3").param("reason", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Give a reason.")));
        assertThat(charges.charge(thirdCharge).orElseThrow().settled()).isFalse();
    }

    @Test
    void onlyStaffWhoMayForgiveAndActForTheSchoolReachIt() throws Exception {
        mvc.perform(get(PAGE).with(Users.as(Role.LIBRARIAN, schoolId))).andExpect(status().isOk());
        mvc.perform(get(PAGE).with(Users.as(Role.PARAPROFESSIONAL, schoolId))).andExpect(status().isForbidden());
        mvc.perform(post(PAGE).with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId + 1000)).param("school", school)
                        .param("grade", "3").param("reason", "Not mine"))
                .andExpect(status().isForbidden());
        assertThat(charges.charge(thirdCharge).orElseThrow().settled()).isFalse();
    }
}
