package com.sigmatiq.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static RetryPolicy withRandom(double r) {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2, () -> r);
    }

    @Test
    void doublesFromTheBaseWithinTheJitter() {
        // random 0.5 is the centre of the ±20% band: 1 s, 2 s, 4 s, 8 s
        RetryPolicy mid = withRandom(0.5);
        assertThat(mid.delay(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(mid.delay(2, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(mid.delay(4, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(withRandom(0.0).delay(3, null)).isEqualTo(Duration.ofMillis(3200));
        assertThat(withRandom(0.999999).delay(3, null)).isEqualTo(Duration.ofMillis(4800));
    }

    @Test
    void neverLongerThanTheCap() {
        assertThat(withRandom(0.999999).delay(9, null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(withRandom(0.0).delay(10, null)).isEqualTo(Duration.ofMinutes(4));  // 512 s capped to 300, then -20%
        assertThat(withRandom(0.5).delay(1000, null)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aLongerRetryAfterWinsAShorterOneDoesNot() {
        assertThat(withRandom(0.5).delay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(withRandom(0.5).delay(4, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofMinutes(5), 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
