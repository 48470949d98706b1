package com.sigmatiq.pilot.messaging;

import com.sigmatiq.contracts.pilot.LiveTradingApproved;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventOutbox;
import com.sigmatiq.pilot.domain.Approval;
import com.sigmatiq.pilot.domain.ApprovalEvents;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code pilot.live_trading_approved} on {@code pilot.events} through the kit's outbox: owner = the user, subject = the
 * published id, event id derived from the publication (one approval per publication).
 */
@Component
class PilotEventsOutbox implements ApprovalEvents {

    private final EventOutbox outbox;

    PilotEventsOutbox(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void approved(Approval a) {
        UUID id = UUID.nameUUIDFromBytes(("pilot.live_trading_approved:" + a.publishedId()).getBytes(StandardCharsets.UTF_8));
        outbox.publish(EventCatalog.envelope(id, new LiveTradingApproved(a.publishedId(), a.accountId(), a.goLiveDate(),
                a.approvedAt()), a.ownerId(), a.publishedId(), a.approvedAt()));
    }
}
