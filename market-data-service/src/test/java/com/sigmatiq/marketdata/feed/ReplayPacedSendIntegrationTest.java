package com.sigmatiq.marketdata.feed;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.marketdata.MarketDataServiceApplication;
import com.sigmatiq.testinfra.SigmatiqInfrastructureCondition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paced replay sends each bar when it is due, not when the producer's batching delay ({@code linger.ms}) runs out:
 * the producer here holds records back for ten minutes, and the replay's first bar must still reach the broker within
 * seconds.
 */
@ExtendWith(SigmatiqInfrastructureCondition.class)
class ReplayPacedSendIntegrationTest {

    private static final JsonMapper JSON = new JsonMapper();

    @Test
    void aPacedReplaysBarLeavesWhenItIsDueNotWhenTheBatchingDelayEnds() {
        Map<String, Object> p = ReplayContexts.properties();
        p.put("spring.kafka.producer.properties.linger.ms", "600000");
        ZoneId ny = ZoneId.of("America/New_York");
        long from = LocalDate.of(2011, 3, 1).atStartOfDay(ny).toInstant().toEpochMilli();
        long to = LocalDate.of(2011, 3, 3).atStartOfDay(ny).toInstant().toEpochMilli();
        try (ConfigurableApplicationContext context = ReplayContexts.run(p, MarketDataServiceApplication.class)) {
            ReplayService replays = context.getBean(ReplayService.class);
            // 10m bars (a topic no other test uses) at 600x: one bar a second
            ReplayRequest request = new ReplayRequest(List.of("SPY"), Timeframe.M1, List.of(Timeframe.M10), from, to, 600, false);
            UUID replay = replays.start(request, "tester", false).id();
            try {
                Awaitility.await("the replay's first bar at the broker").atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(200)).until(() -> sentBy(replay) > 0);
            } finally {
                replays.cancel(replay);
            }
        }
    }

    private static long sentBy(UUID replay) {
        return TopicRecords.readAll(List.of("market.bars.10m")).stream()
                .filter(r -> replay.toString().equals(JSON.readTree(r.value()).get("payload").path("replay_id").asString(null)))
                .count();
    }
}
