package org.carrel.circulation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock tests set by hand, for holds that wait for a day (reservations, suspensions, pickup days): days are set at
 * 16:00 UTC, the same day from Hawaii to Jakarta, so the district's zone (New York by default) sees that day. Starts
 * on {@link #START}, a Monday; tests {@link #reset} it after changing it. Import {@link Config} to use it.
 */
public final class MovableClock extends Clock {

    public static final LocalDate START = LocalDate.of(2030, 3, 4);

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MovableClock() {
        this(new AtomicReference<>(at(START)), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void setDay(LocalDate day) {
        now.set(at(day));
    }

    /** Moves the clock on within the day (holds placed one after the other have their own times). */
    public void advance(java.time.Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    public LocalDate today() {
        return now.get().atZone(ZoneOffset.UTC).toLocalDate();
    }

    public void reset() {
        setDay(START);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    private static Instant at(LocalDate day) {
        return day.atTime(16, 0).toInstant(ZoneOffset.UTC);
    }

    /** Puts a {@link MovableClock} in place of the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
