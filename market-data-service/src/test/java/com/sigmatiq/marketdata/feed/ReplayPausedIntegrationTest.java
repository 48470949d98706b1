package com.sigmatiq.marketdata.feed;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.marketdata.MarketDataServiceApplication;
import com.sigmatiq.marketdata.domain.ReplayRepository;
import com.sigmatiq.testinfra.SigmatiqInfrastructureCondition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A replay started paused sends nothing until it is resumed, then plays as any other; a replay that is not paused, or
 * whose streams another running replay publishes, is not resumed.
 */
@ExtendWith(SigmatiqInfrastructureCondition.class)
class ReplayPausedIntegrationTest {

    @Test
    void aPausedReplaySendsNothingUntilResumed() {
        Map<String, Object> p = ReplayContexts.properties();
        ZoneId ny = ZoneId.of("America/New_York");
        long from = LocalDate.of(2011, 3, 1).atStartOfDay(ny).toInstant().toEpochMilli();
        long to = LocalDate.of(2011, 3, 3).atStartOfDay(ny).toInstant().toEpochMilli();
        try (ConfigurableApplicationContext context = ReplayContexts.run(p, MarketDataServiceApplication.class)) {
            ReplayService replays = context.getBean(ReplayService.class);
            ReplayRepository repo = context.getBean(ReplayRepository.class);
            // a topic of its own (1h), so that other tests' replays do not conflict
            ReplayRequest request = new ReplayRequest(List.of("SPY"), Timeframe.M1, List.of(Timeframe.H1), from, to, 0, false);
            UUID paused = replays.start(request, "tester", true).id();
            UUID other = replays.start(request, "tester", true).id();
            assertThat(repo.find(paused).orElseThrow().status()).isEqualTo("paused");
            assertThat(replays.isPlaying(paused)).isFalse();

            // while one replay publishes SPY 1h, the other is not resumed
            replays.start(request, "tester", false);
            UUID running = replays.recent().stream().filter(r -> r.status().equals("running")).findFirst().orElseThrow().id();
            assertThatThrownBy(() -> replays.resume(paused)).isInstanceOf(ReplayConflictException.class)
                    .hasMessageContaining("already publishing SPY 1h");
            Awaitility.await("the running replay ends").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> repo.find(running).orElseThrow().status(), s -> !s.equals("running"));
            assertThat(sentBy(paused)).as("bars sent while paused").isZero();

            assertThat(replays.resume(paused).status()).isIn("running", "completed");
            var done = Awaitility.await("the resumed replay ends").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> repo.find(paused).orElseThrow(), r -> !r.status().equals("running"));
            assertThat(done.status()).isEqualTo("completed");
            assertThat(done.total()).isPositive();
            assertThat(sentBy(paused)).isEqualTo(done.total());
            assertThatThrownBy(() -> replays.resume(paused)).isInstanceOf(ReplayConflictException.class)
                    .hasMessageContaining("is completed, not paused");
            assertThat(replays.cancel(other).status()).isEqualTo("cancelled");
        }
    }

    private static long sentBy(UUID replay) {
        JsonMapper json = new JsonMapper();
        long n = 0;
        for (ConsumerRecord<String, String> rec : TopicRecords.readAll(List.of("market.bars.1h"))) {
            if (replay.toString().equals(json.readTree(rec.value()).get("payload").path("replay_id").asString(null))) {
                n++;
            }
        }
        return n;
    }
}
