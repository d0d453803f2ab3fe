package org.carrel.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRuleTest {

    @Test
    void refusesAPasswordShorterThanTenCharacters() {
        assertThat(PasswordRule.firstBrokenBy("lee", "short-pw1")).contains(PasswordRule.TOO_SHORT);
    }

    @Test
    void refusesAPasswordThatContainsTheUsernameWhateverItsCase() {
        assertThat(PasswordRule.firstBrokenBy("librarian", "MyLIBRARIAN-2026")).contains(PasswordRule.CONTAINS_USERNAME);
    }

    @Test
    void refusesAMissingPassword() {
        assertThat(PasswordRule.firstBrokenBy("lee", null)).contains(PasswordRule.TOO_SHORT);
    }

    @Test
    void acceptsALongPasswordWithoutTheUsername() {
        assertThat(PasswordRule.firstBrokenBy("librarian", "correct horse battery")).isEmpty();
    }
}
