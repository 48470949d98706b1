package com.sigmatiq.kit.messaging.it;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.sweep.SweepCompleted;
import com.sigmatiq.kit.messaging.Inbox;
import com.sigmatiq.kit.messaging.KitMessagingAutoConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A consumer the way a service writes one: typed envelopes from the kit's factory, the change through the inbox. */
@Component
public class SweepCompletions {

    public static final String CONSUMER = "kit-test.sweep-events";

    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    SweepCompletions(Inbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.SWEEP_EVENTS, groupId = "${kit-test.group}",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY)
    void on(EventEnvelope<?> event) {
        if (event.payload() instanceof SweepCompleted done) {
            inbox.receive(CONSUMER, event, () -> {
                attempts.computeIfAbsent(done.sweepId(), k -> new AtomicInteger()).incrementAndGet();
                jdbc.sql("INSERT INTO handled (sweep_id, event_id) VALUES (?, ?)").params(done.sweepId(), event.eventId()).update();
                if (failOnce.remove(done.sweepId())) {
                    throw new IllegalStateException("the first attempt at sweep " + done.sweepId() + " fails after its change");
                }
            });
        }
    }

    /** The next handling of this sweep's completion fails after writing its row. */
    public void failOnce(String sweepId) {
        failOnce.add(sweepId);
    }

    /** How often the handler ran for this sweep (the inbox skips repeats before the handler). */
    public int attempts(String sweepId) {
        AtomicInteger n = attempts.get(sweepId);
        return n == null ? 0 : n.get();
    }

    /** Rows the handler committed for this sweep. */
    public long handled(String sweepId) {
        return jdbc.sql("SELECT count(*) FROM handled WHERE sweep_id = ?").param(sweepId).query(Long.class).single();
    }
}
