package com.sigmatiq.marketdata.feed;

import org.awaitility.Awaitility;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.marketdata.MarketDataServiceApplication;
import com.sigmatiq.marketdata.domain.BarQueryService;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.kit.messaging.EventSender;
import com.sigmatiq.marketdata.messaging.BarEventPublisher;
import com.sigmatiq.marketdata.domain.ReplayRepository;
import com.sigmatiq.testinfra.SigmatiqInfrastructureCondition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the whole service in the middle of a replay and starts it again: the subscriber's view of every ticker and
 * timeframe must be each bar exactly once, in order, and complete.
 */
@ExtendWith(SigmatiqInfrastructureCondition.class)
class ReplayRestartIntegrationTest {

    /** A broker that takes ~0.1 ms per bar, so that stopping mid-replay is certain on any machine. */
    @Configuration(proxyBeanMethods = false)
    static class SlowBroker {
        @Bean
        @Primary
        BarEventPublisher slowPublisher(EventSender sender) {
            return new BarEventPublisher(sender) {
                @Override
                public CompletableFuture<RecordMetadata> publish(BarClosed bar, Instant occurredAt) {
                    LockSupport.parkNanos(100_000);
                    return super.publish(bar, occurredAt);
                }
            };
        }
    }

    private static ConfigurableApplicationContext start(boolean slow) {
        Map<String, Object> p = ReplayContexts.properties();
        p.put("sigmatiq.marketdata.feed.cursor-every", "500");
        return ReplayContexts.run(p, slow
                ? new Class<?>[] {MarketDataServiceApplication.class, SlowBroker.class}
                : new Class<?>[] {MarketDataServiceApplication.class});
    }

    @Test
    void subscribersSeeEveryBarOnceAndInOrderAcrossARestartMidReplay() throws Exception {
        long from = LocalDate.of(2011, 3, 1).atStartOfDay(java.time.ZoneId.of("America/New_York")).toInstant().toEpochMilli();
        long to = LocalDate.of(2011, 4, 1).atStartOfDay(java.time.ZoneId.of("America/New_York")).toInstant().toEpochMilli();
        UUID id;
        long total;
        Map<String, List<Long>> expected = new HashMap<>();
        try (ConfigurableApplicationContext first = start(true)) {
            ReplayService replays = first.getBean(ReplayService.class);
            BarQueryService queries = first.getBean(BarQueryService.class);
            for (Timeframe tf : List.of(Timeframe.M1, Timeframe.M5, Timeframe.M15)) {
                var r = queries.query(new BarQueryService.BarQuery("SPY", tf, from, to, false, false, Timeframe.M1));
                List<Long> starts = new ArrayList<>();
                for (long t : r.bars().time()) {
                    starts.add(t);
                }
                expected.put("SPY|" + tf.label(), starts);
            }
            id = replays.start(new ReplayRequest(List.of("SPY"), Timeframe.M1,
                    List.of(Timeframe.M1, Timeframe.M5, Timeframe.M15), from, to, 0, false), "tester").id();
            ReplayRepository repo = first.getBean(ReplayRepository.class);
            UUID replay = id;
            Awaitility.await("2,000 events replayed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> repo.find(replay).orElseThrow().position() >= 2_000);
        } // the service stops here, mid-replay
        ReplayRepository.ReplayRow stopped;
        try (ConfigurableApplicationContext probe = start(false)) {
            // the second start resumes the replay at once
            ReplayRepository repo = probe.getBean(ReplayRepository.class);
            UUID replay = id;
            stopped = Awaitility.await("the resumed replay ends").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> repo.find(replay).orElseThrow(), r -> !r.status().equals("running"));
        }
        assertThat(stopped.status()).isEqualTo("completed");
        total = stopped.total();
        assertThat(total).isEqualTo(expected.values().stream().mapToLong(List::size).sum());

        Map<String, List<Long>> seen = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        int records = 0;
        for (ConsumerRecord<String, String> rec : TopicRecords.readAll(List.of("market.bars.1m", "market.bars.5m", "market.bars.15m"))) {
            JsonNode env = new JsonMapper().readTree(rec.value());
            JsonNode payload = env.get("payload");
            if (!id.toString().equals(payload.path("replay_id").asString(null))) {
                continue;
            }
            records++;
            assertThat(rec.key()).isEqualTo("SPY");
            assertThat(env.get("type").asString()).isEqualTo("market.bar.closed");
            assertThat(eventIds.add(env.get("event_id").asString())).as("event id seen once").isTrue();
            seen.computeIfAbsent(payload.get("ticker").asString() + "|" + payload.get("timeframe").asString(), k -> new ArrayList<>())
                    .add(Instant.parse(payload.get("start").asString()).toEpochMilli());
        }
        assertThat(records).isEqualTo(total);
        assertThat(seen).isEqualTo(expected); // complete, once each, in order per ticker and timeframe
    }
}
