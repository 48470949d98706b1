package com.sigmatiq.sweep.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.sweep.SweepCompleted;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventOutbox;
import com.sigmatiq.sweep.domain.SweepEventPublisher;
import com.sigmatiq.sweep.domain.SweepState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Sweep events through the kit's outbox, in the caller's transaction, to {@code sweep.events} keyed by the sweep id. The
 * id of {@code sweep.completed} is derived from the sweep id: one sweep completes once, and any resend carries that id.
 */
@Component
class SweepEventsOutbox implements SweepEventPublisher {

    private final EventOutbox outbox;
    private final Clock clock;

    SweepEventsOutbox(EventOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void completed(SweepState s, Long bestComboId, Double bestSharpe) {
        long passed = s.passed() == null ? 0 : s.passed();
        String sweepId = s.spec().id().toString();
        SweepCompleted payload = new SweepCompleted(sweepId, s.spec().modelId(), s.spec().totalCombinations(), passed,
                s.done() - passed, bestComboId, bestSharpe, s.completedAt());
        EventEnvelope<SweepCompleted> event = EventCatalog.envelope(completionId(s.spec().id()), payload, s.spec().ownerId(),
                sweepId, s.completedAt() == null ? clock.instant() : s.completedAt());
        outbox.publish(event);
    }

    /** The event id of a sweep's {@code sweep.completed}. */
    static UUID completionId(UUID sweepId) {
        return UUID.nameUUIDFromBytes(("sweep.completed:" + sweepId).getBytes(StandardCharsets.UTF_8));
    }
}
