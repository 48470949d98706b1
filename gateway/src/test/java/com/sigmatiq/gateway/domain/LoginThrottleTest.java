package com.sigmatiq.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(20, 5, 50, WINDOW), clock);

    @Test
    void fiveWrongPasswordsForOneUserFromOneAddressMakeThatPairWaitUntilTheFirstLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.check("alice", "10.0.0.9")).isEmpty();
            throttle.failed("alice", "10.0.0.9");
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(throttle.check("alice", "10.0.0.9")).hasValueSatisfying(r ->
                assertThat(r.retryAfter()).isEqualTo(WINDOW.minusSeconds(50)));
        assertThat(throttle.check("alice", "10.0.0.1")).as("alice from her own address").isEmpty();
        assertThat(throttle.check("bob", "10.0.0.9")).as("another user from that address").isEmpty();

        clock.advance(WINDOW.minusSeconds(50));
        assertThat(throttle.check("alice", "10.0.0.9")).isEmpty();
    }

    @Test
    void oneAddressGuessingManyUsersIsStoppedForEveryUser() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.6.6.6");
        }

        assertThat(throttle.check("someone-new", "10.6.6.6")).isPresent();
        assertThat(throttle.check("someone-new", "10.0.0.1")).isEmpty();
    }

    @Test
    void aSpreadOutAttackOnOneUserLeavesTheOwnersKnownAddressLoggingIn() {
        throttle.succeeded("alice", "192.168.1.20");
        for (int i = 0; i < 50; i++) {
            throttle.failed("alice", "10.1." + (i / 250) + "." + (i % 250));
        }

        assertThat(throttle.check("alice", "10.9.9.9")).as("an unknown address").isPresent();
        assertThat(throttle.check("alice", "192.168.1.20")).as("alice's own address").isEmpty();
        assertThat(throttle.check("bob", "10.9.9.9")).isEmpty();
    }

    @Test
    void aSuccessForgetsThatPairsFailuresAndUsernamesCompareWithoutCase() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Alice", "10.0.0.9");
        }
        throttle.succeeded("alice", "10.0.0.9");
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.9");
        }

        assertThat(throttle.check("ALICE", "10.0.0.9")).isEmpty();
        throttle.failed("alice", "10.0.0.9");
        assertThat(throttle.check("ALICE", "10.0.0.9")).isPresent();
    }

    @Test
    void failuresThatLeftTheWindowAreForgotten() {
        for (int i = 0; i < LoginThrottle.SWEEP_EVERY - 1; i++) {
            throttle.failed("user" + i, "10.2." + (i / 250) + "." + (i % 250));
        }
        assertThat(throttle.size()).isGreaterThan(2 * (LoginThrottle.SWEEP_EVERY - 1));

        clock.advance(WINDOW.plusSeconds(1));
        throttle.failed("last", "10.3.0.1");

        assertThat(throttle.size()).isEqualTo(3);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
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
}
