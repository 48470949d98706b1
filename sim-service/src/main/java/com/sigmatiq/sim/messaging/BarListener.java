package com.sigmatiq.sim.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.kit.messaging.KitMessagingAutoConfiguration;
import com.sigmatiq.sim.domain.Account;
import com.sigmatiq.sim.domain.Bar;
import com.sigmatiq.sim.domain.PaperTrading;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Closed bars from every {@code market.bars.<timeframe>} topic (group {@code sim-service}), in order per ticker. A bar
 * is acknowledged after it is stored and taken; a failure gets it again, and a bar already taken changes nothing.
 */
@Component
class BarListener {

    private final PaperTrading paper;

    BarListener(PaperTrading paper) {
        this.paper = paper;
    }

    @KafkaListener(id = "sim-bars", topicPattern = "market\\.bars\\..+", groupId = "sim-service",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY,
            properties = {"auto.offset.reset=earliest", "metadata.max.age.ms=5000"})
    void onBar(EventEnvelope<?> event) {
        if (!(event.payload() instanceof BarClosed b)) {
            return;
        }
        String feed = b.replayId() == null ? Account.LIVE : b.replayId();
        paper.bar(feed, b.ticker(), b.timeframe(), new Bar(b.start().toEpochMilli(), b.open(), b.high(), b.low(), b.close(),
                b.volume() == null ? 0 : b.volume()));
    }
}
