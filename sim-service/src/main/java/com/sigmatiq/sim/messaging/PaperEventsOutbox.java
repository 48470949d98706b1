package com.sigmatiq.sim.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.paper.PaperCompleted;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventOutbox;
import com.sigmatiq.sim.domain.Account;
import com.sigmatiq.sim.domain.PaperEvents;
import com.sigmatiq.sim.domain.PerformanceReport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code paper.completed} through the kit's outbox, in the transaction that stores the completion: owner = the user,
 * subject = the published id (the key), event id derived from the account, so a second completion could only repeat it.
 */
@Component
class PaperEventsOutbox implements PaperEvents {

    private final EventOutbox outbox;

    PaperEventsOutbox(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void completed(Account a, PerformanceReport r) {
        var results = r.paperTradingResults();
        Instant start = a.firstBar() == null ? null : Instant.ofEpochMilli(a.firstBar());
        Instant end = a.endBar() == null ? null : Instant.ofEpochMilli(a.endBar()).plusMillis(
                Timeframe.parse(a.timeframe()).millis());
        PaperCompleted payload = new PaperCompleted(a.publishedId(), a.modelId(), a.id(), r.recommendation(), start, end,
                r.sessions(), results.totalTrades(), results.winRate(), results.sharpeRatio(), results.totalReturn(),
                r.completedAt());
        EventEnvelope<PaperCompleted> event = EventCatalog.envelope(completionId(a.id()), payload, a.ownerId(), a.publishedId(),
                r.completedAt());
        outbox.publish(event);
    }

    /** The event id of an account's {@code paper.completed}. */
    static UUID completionId(String accountId) {
        return UUID.nameUUIDFromBytes(("paper.completed:" + accountId).getBytes(StandardCharsets.UTF_8));
    }
}
