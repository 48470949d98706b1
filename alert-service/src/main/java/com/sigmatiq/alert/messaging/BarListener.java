package com.sigmatiq.alert.messaging;

import com.sigmatiq.alert.domain.Bar;
import com.sigmatiq.alert.domain.BarProcessor;
import com.sigmatiq.alert.domain.IncomingBar;
import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.kit.messaging.KitMessagingAutoConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Closed bars from every {@code market.bars.<timeframe>} topic (group {@code alert-service}), in batches of what has
 * arrived: a ticker's bars arrive in order, and a burst is taken together. A batch is acknowledged once its alerts are
 * stored. The runtimes' snapshots are written behind, each with the position of its last bar: when a partition is
 * assigned, reading starts from the earliest position an active runtime still needs; when storing fails, the runtimes
 * that took the batch are forgotten, reading goes back to that position, and the batch is taken again after a
 * back-off (1, 2, 4 … 30 s). A runtime built after its replay began asks for the replay's bars again from the first
 * ({@link BarProcessor#rewinds}). A bar a runtime has taken is ignored by it, and alerts are stored once.
 */
@Component
class BarListener extends AbstractConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(BarListener.class);

    private final BarProcessor processor;
    private Duration backOff = Duration.ZERO;

    BarListener(BarProcessor processor) {
        this.processor = processor;
    }

    @KafkaListener(id = "alert-bars", topicPattern = "market\\.bars\\..+", groupId = "alert-service", batch = "true",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY,
            properties = {"auto.offset.reset=earliest", "metadata.max.age.ms=5000", "max.poll.records=1000"})
    void onBars(List<ConsumerRecord<String, EventEnvelope<?>>> records) throws InterruptedException {
        List<IncomingBar> bars = new ArrayList<>(records.size());
        for (ConsumerRecord<String, EventEnvelope<?>> r : records) {
            if (r.value() == null || !(r.value().payload() instanceof BarClosed b)) {
                log.warn("skipping a record that is not a closed bar: {}-{}@{}", r.topic(), r.partition(), r.offset());
                continue;
            }
            bars.add(new IncomingBar(b.ticker(), b.timeframe(), b.replayId(),
                    new Bar(b.start().toEpochMilli(), b.open(), b.high(), b.low(), b.close(), b.volume() == null ? 0 : b.volume()),
                    new IncomingBar.BarPosition(r.topic(), r.partition(), r.offset())));
        }
        if (bars.isEmpty()) {
            return;
        }
        try {
            processor.onBars(bars);
            backOff = Duration.ZERO;
            for (IncomingBar.BarPosition at : processor.rewinds()) {
                TopicPartition tp = new TopicPartition(at.topic(), at.partition());
                getSeekCallbacksFor(tp).forEach(c -> c.seek(at.topic(), at.partition(), at.offset()));
            }
        } catch (RuntimeException e) {
            backOff = backOff.isZero() ? Duration.ofSeconds(1)
                    : backOff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : backOff.multipliedBy(2);
            log.warn("storing {} bars' alerts failed; taking them again in {} s: {}", bars.size(), backOff.toSeconds(), e.toString());
            // each partition from its first record in the batch, or from where a forgotten runtime needs it
            Map<TopicPartition, Long> first = new LinkedHashMap<>();
            for (ConsumerRecord<String, EventEnvelope<?>> r : records) {
                first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
            }
            first.forEach((tp, from) -> {
                long to = Math.min(from, processor.resumeOffset(tp.topic(), tp.partition()).orElse(from));
                getSeekCallbacksFor(tp).forEach(c -> c.seek(tp.topic(), tp.partition(), to));
            });
            Thread.sleep(backOff.toMillis());
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        assignments.forEach((tp, position) -> {
            OptionalLong needed = processor.resumeOffset(tp.topic(), tp.partition());
            if (needed.isPresent() && needed.getAsLong() < position) {
                log.info("{}: reading again from offset {} (committed {}) for the runtimes' bars after their snapshots",
                        tp, needed.getAsLong(), position);
                callback.seek(tp.topic(), tp.partition(), needed.getAsLong());
            }
        });
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> processor.release(tp.topic(), tp.partition()));
        super.onPartitionsRevoked(partitions);
    }
}
