package dev.gatehouse.identity.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = LoginThrottle.withDefaults(clock);

    @Test
    void fiveFailuresAreFreeThenTheDelayDoubles() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("account:a");
        }
        assertThat(throttle.waitFor("account:a")).isZero();
        throttle.recordFailure("account:a");
        assertThat(throttle.waitFor("account:a")).isEqualTo(Duration.ofSeconds(1));
        throttle.recordFailure("account:a");
        assertThat(throttle.waitFor("account:a")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aHundredFailuresNeverLockTheAccountForLongerThanTheMaximumDelay() {
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("account:a");
        }
        assertThat(throttle.waitFor("account:a")).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.waitFor("account:a")).isZero();
    }

    @Test
    void aSuccessClearsTheKeyAndKeysAreIndependent() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("account:a");
        }
        assertThat(throttle.waitFor("account:b")).isZero();
        throttle.recordSuccess("account:a");
        assertThat(throttle.waitFor("account:a")).isZero();
    }

    @Test
    void throttlesSharingTheirCountsActAsOne() {
        FailureCounts shared = FailureCounts.inMemory();
        LoginThrottle nodeA = LoginThrottle.withDefaults(shared, clock);
        LoginThrottle nodeB = LoginThrottle.withDefaults(shared, clock);
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? nodeA : nodeB).recordFailure("account:a");
        }
        assertThat(nodeA.waitFor("account:a")).isEqualTo(Duration.ofSeconds(1));
        assertThat(nodeB.waitFor("account:a")).isEqualTo(Duration.ofSeconds(1));
        nodeB.recordSuccess("account:a");
        assertThat(nodeA.waitFor("account:a")).isZero();
    }

    @Test
    void oldFailuresAreForgotten() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("address:1");
        }
        clock.advance(Duration.ofHours(2));
        assertThat(throttle.waitFor("address:1")).isZero();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
