package com.sigmatiq.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher sends a burst of due rows in one pass, each once, however few threads a destination has: a lane's
 * threads go on claiming until nothing is due (they used to send one row each per pass, a few rows a second: minutes
 * behind a replay's burst, until rows expired unsent). And stored alerts wake it at once rather than at its next pass.
 * The claims come from {@link DeliveryRepository}'s contract (a row is claimed by one dispatcher thread); the
 * PostgreSQL repository itself is covered by the delivery integration tests.
 */
class DeliveryDispatcherTest {

    private final Rows rows = new Rows();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final List<String> sentTwice = new java.util.concurrent.CopyOnWriteArrayList<>();
    private DeliveryDispatcher dispatcher;

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.stop();
        }
    }

    @Test
    void onePassSendsEveryDueRowOnceWithTwoThreads() {
        dispatcher = dispatcher(false, Duration.ofHours(1));
        rows.add(500);
        dispatcher.start();

        dispatcher.dispatchDue();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() == 500);
        assertThat(sentTwice).isEmpty();
        assertThat(rows.open()).isZero();
    }

    @Test
    void storedAlertsWakeTheDispatcherBeforeItsNextPass() {
        dispatcher = dispatcher(true, Duration.ofHours(1));
        dispatcher.start();   // its first pass runs now, the next in an hour
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rows.claims() >= 1);
        rows.add(20);

        dispatcher.wake();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() == 20);
        assertThat(sentTwice).isEmpty();
    }

    private DeliveryDispatcher dispatcher(boolean enabled, Duration interval) {
        DeliverySender sim = new DeliverySender() {
            @Override
            public String destination() {
                return Delivery.SIGMA_SIM;
            }

            @Override
            public SendResult send(DueDelivery d) {
                if (!sent.add(d.alertId())) {
                    sentTwice.add(d.alertId());
                }
                return SendResult.sent();
            }
        };
        DeliveryProperties.Dispatch settings = new DeliveryProperties.Dispatch(enabled, interval, Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2, new DeliveryProperties.Threads(2, 2, 4, 8));
        return new DeliveryDispatcher(rows, List.of(sim), new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2),
                settings, Clock.systemUTC());
    }

    /** Due rows in memory, claimed under a lock as the database's {@code for update skip locked} claims them. */
    private static final class Rows implements DeliveryRepository {
        private final Deque<String> due = new ArrayDeque<>();
        private int claims;

        synchronized void add(int n) {
            for (int i = 0; i < n; i++) {
                due.add("alert_" + UUID.randomUUID());
            }
        }

        synchronized int open() {
            return due.size();
        }

        synchronized int claims() {
            return claims;
        }

        @Override
        public synchronized List<DueDelivery> claim(String destination, int limit, Instant now, Duration lease) {
            claims++;
            List<DueDelivery> out = new ArrayList<>();
            while (out.size() < limit && !due.isEmpty()) {
                out.add(new DueDelivery(due.poll(), destination, null, 1, now.plusSeconds(3600), UUID.randomUUID(), "owner",
                        "pub_1", "name", "{}", null));
            }
            return out;
        }

        @Override
        public void insert(List<Delivery> deliveries, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int expireDue(Instant now) {
            return 0;
        }

        @Override
        public boolean markSent(DueDelivery d, Instant now) {
            return true;
        }

        @Override
        public boolean markFinal(DueDelivery d, String status, String error, Instant now) {
            return true;
        }

        @Override
        public boolean markRetrying(DueDelivery d, Instant nextAttemptAt, String error, Instant now) {
            return true;
        }

        @Override
        public Map<String, RoutingView> routing(Collection<String> alertIds) {
            return Map.of();
        }
    }
}
