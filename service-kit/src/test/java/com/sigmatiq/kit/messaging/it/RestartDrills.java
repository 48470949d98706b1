package com.sigmatiq.kit.messaging.it;

import com.sigmatiq.contracts.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Changes made through the outbox while the broker or the database restarts, and what reached the broker. */
final class RestartDrills {

    private RestartDrills() {
    }

    /** Runs {@code restart} on a thread of its own and creates a widget every 100 ms until it has returned. */
    static List<String> createWhile(Widgets widgets, Runnable restart) throws InterruptedException {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread restarter = new Thread(() -> {
            try {
                restart.run();
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "infrastructure-restart");
        List<String> committed = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        restarter.start();
        while (restarter.isAlive()) {
            String id = "w-" + UUID.randomUUID();
            tried.add(id);
            try {
                widgets.create(id);
                committed.add(id);
            } catch (RuntimeException e) {
                // the database is away: the change may or may not have committed, which is read below
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        restarter.join();
        assertThat(failed.get()).as("the restart").isNull();
        // the pool may still hand out a connection the restart broke (used too recently to be checked): such a
        // change fails whole, and the pool recovers on its own, so three changes commit soon after
        int[] after = {0};
        await("changes commit again after the restart").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    String id = "w-" + UUID.randomUUID();
                    tried.add(id);
                    try {
                        widgets.create(id);
                        committed.add(id);
                        after[0]++;
                    } catch (RuntimeException e) {
                        // read below like those during the restart
                    }
                    return after[0] >= 3;
                });
        // a create that failed at its commit may still have committed: what the table holds is what counts
        List<String> stored = new ArrayList<>();
        for (String id : tried) {
            if (committed.contains(id) || await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> widgets.exists(id), x -> true)) {
                stored.add(id);
            }
        }
        return stored;
    }

    /**
     * Waits until every publication of {@code stored} is completed and returns how many times each one's event is on
     * the broker, after asserting it is there at least once.
     */
    static Map<String, Long> assertEveryEventSent(List<String> stored, String what) {
        await(what + ": every publication completed").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> stored.stream().allMatch(id -> {
                    List<Publications.Publication> p = Publications.of(id);
                    return !p.isEmpty() && p.stream().allMatch(Publications.Publication::completed);
                }));
        Map<String, Long> onTopic = new java.util.HashMap<>();
        for (TopicContents.Event e : TopicContents.read(Topics.MODEL_EVENTS)) {
            onTopic.merge(e.key(), 1L, Long::sum);
        }
        long repeated = stored.stream().mapToLong(id -> onTopic.getOrDefault(id, 0L) - 1).filter(n -> n > 0).sum();
        System.out.printf("%s: %d changes committed, each event on the broker (%d sent twice)%n", what, stored.size(),
                repeated);
        assertThat(stored).allSatisfy(id -> assertThat(onTopic.getOrDefault(id, 0L)).as(id).isGreaterThanOrEqualTo(1));
        return onTopic;
    }
}
