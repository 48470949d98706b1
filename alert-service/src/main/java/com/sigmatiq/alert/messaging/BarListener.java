package com.sigmatiq.alert.messaging;

import com.sigmatiq.alert.domain.Bar;
import com.sigmatiq.alert.domain.BarProcessor;
import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.kit.messaging.KitMessagingAutoConfiguration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Closed bars from every {@code market.bars.<timeframe>} topic (group {@code alert-service}), one at a time per
 * partition: a ticker's bars arrive in order. A bar is acknowledged after its evaluations and alerts are stored; a
 * failure gets it again (the kit's listener retries without end), and a bar already taken is ignored by the runtime.
 */
@Component
class BarListener {

    private final BarProcessor processor;

    BarListener(BarProcessor processor) {
        this.processor = processor;
    }

    @KafkaListener(id = "alert-bars", topicPattern = "market\\.bars\\..+", groupId = "alert-service",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY,
            properties = {"auto.offset.reset=earliest", "metadata.max.age.ms=5000"})
    void onBar(EventEnvelope<?> event) {
        if (!(event.payload() instanceof BarClosed b)) {
            return;
        }
        processor.onBar(b.ticker(), b.timeframe(), b.replayId(), new Bar(b.start().toEpochMilli(), b.open(), b.high(), b.low(),
                b.close(), b.volume() == null ? 0 : b.volume()));
    }
}
