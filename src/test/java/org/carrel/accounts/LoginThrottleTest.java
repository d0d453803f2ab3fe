package org.carrel.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(new AccountsSettings(5, 20, Duration.ofMinutes(15)), clock);

    @Test
    void refusesAnAccountAfterFiveFailuresWithinTheWindow() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("lee", "10.0.0." + i);
        }
        assertThat(throttle.refuses("lee", "10.0.0.99")).isFalse();
        throttle.failed("lee", "10.0.0.4");
        assertThat(throttle.refuses("lee", "10.0.0.99")).isTrue();
        assertThat(throttle.refuses("sam", "10.0.0.99")).isFalse();
    }

    @Test
    void refusesAnAddressAfterTwentyFailuresWhateverTheUsernames() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertThat(throttle.refuses("someone-new", "192.0.2.7")).isTrue();
        assertThat(throttle.refuses("someone-new", "192.0.2.8")).isFalse();
    }

    @Test
    void letsTheAccountTryAgainOnceTheWindowHasPassed() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("lee", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.refuses("lee", "10.0.0.1")).isFalse();
    }

    @Test
    void forgetsAnAccountsFailuresAfterASuccessfulSignIn() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("lee", "10.0.0.1");
        }
        throttle.succeeded("lee");
        throttle.failed("lee", "10.0.0.1");
        assertThat(throttle.refuses("lee", "10.0.0.1")).isFalse();
    }

    @Test
    void dropsExpiredNamesOnceItTracksTooManyOfThem() {
        for (int i = 0; i < LoginThrottle.SWEEP_ABOVE; i++) {
            throttle.failed("made-up-" + i, "203.0.113." + (i % 200));
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("one-more", "203.0.113.250");
        throttle.failed("and-another", "203.0.113.251");
        assertThat(throttle.trackedNames()).isEqualTo(2);
    }
}
