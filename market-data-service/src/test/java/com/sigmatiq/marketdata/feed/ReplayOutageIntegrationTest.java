package com.sigmatiq.marketdata.feed;

import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.kit.messaging.EventSender;
import com.sigmatiq.marketdata.MarketDataServiceApplication;
import com.sigmatiq.marketdata.domain.BarQueryService;
import com.sigmatiq.marketdata.domain.ReplayRepository;
import com.sigmatiq.marketdata.domain.ReplayRepository.ReplayRow;
import com.sigmatiq.marketdata.messaging.BarEventPublisher;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqInfrastructureCondition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes the database or the broker away from the service while a replay runs: every connection of the service
 * terminated (five times), PostgreSQL restarted (twice), the Kafka broker restarted. The replay must not fail, and must
 * end {@code completed} with every bar of every ticker and timeframe on Kafka, in order, none skipped. (Each bar at
 * least once is the contract, since consumers drop repeats; the replay's design makes a database loss repeat none, and
 * the database tests hold it to that.)
 */
@ExtendWith(SigmatiqInfrastructureCondition.class)
class ReplayOutageIntegrationTest {

    /** Names the service's connections, so that only they are terminated (not those of other tests in this JVM). */
    private static final String APPLICATION_NAME = "market-data-outage-test";
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final long FROM = LocalDate.of(2011, 3, 1).atStartOfDay(NY).toInstant().toEpochMilli();
    private static final long TO = LocalDate.of(2011, 4, 1).atStartOfDay(NY).toInstant().toEpochMilli();
    private static final List<Timeframe> TIMEFRAMES = List.of(Timeframe.M1, Timeframe.M5, Timeframe.M15);

    /** A broker that takes ~0.5 ms per bar, so that the replay is still running at every drop on any machine. */
    @Configuration(proxyBeanMethods = false)
    static class SlowBroker {
        @Bean
        @Primary
        BarEventPublisher slowPublisher(EventSender sender) {
            return new BarEventPublisher(sender) {
                @Override
                public CompletableFuture<RecordMetadata> publish(BarClosed bar, Instant occurredAt) {
                    LockSupport.parkNanos(500_000);
                    return super.publish(bar, occurredAt);
                }
            };
        }
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> p = ReplayContexts.properties();
        p.put("spring.datasource.url", p.get("spring.datasource.url") + "&ApplicationName=" + APPLICATION_NAME);
        p.put("sigmatiq.marketdata.feed.cursor-every", "100");
        p.put("sigmatiq.marketdata.feed.retry-min", "50ms");
        p.put("sigmatiq.marketdata.feed.retry-max", "1s");
        return ReplayContexts.run(p, MarketDataServiceApplication.class, SlowBroker.class);
    }

    private static ConfigurableApplicationContext service;
    private static Map<String, List<Long>> expected;

    @BeforeAll
    static void startService() {
        service = start();
        BarQueryService queries = service.getBean(BarQueryService.class);
        expected = new HashMap<>();
        for (Timeframe tf : TIMEFRAMES) {
            List<Long> starts = new ArrayList<>();
            for (long t : queries.query(new BarQueryService.BarQuery("SPY", tf, FROM, TO, false, false, Timeframe.M1))
                    .bars().time()) {
                starts.add(t);
            }
            expected.put("SPY|" + tf.label(), starts);
        }
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    /** What disrupts the replay at each of its marks. */
    @FunctionalInterface
    private interface Disruption {
        void strike() throws Exception;
    }

    /** What a replay disrupted {@code times} times ended as, and what its subscribers saw per ticker and timeframe. */
    private record Outcome(ReplayRow row, long interruptions, Map<String, List<Long>> seen) {
    }

    private static Outcome replayThrough(int times, Disruption disruption) throws Exception {
        ReplayService replays = service.getBean(ReplayService.class);
        ReplayRepository repo = service.getBean(ReplayRepository.class);
        long interruptionsBefore = replays.interruptions();
        long events = expected.values().stream().mapToLong(List::size).sum();
        UUID id = replays.start(new ReplayRequest(List.of("SPY"), Timeframe.M1, TIMEFRAMES, FROM, TO, 0, false),
                "tester").id();
        // progress is read over a connection of the test's own, so the replay's thread is the one to meet the
        // dropped connections of the service's pool
        for (int k = 1; k <= times; k++) {
            long mark = events * k / (times + 2);
            String[] status = Awaitility.await("replay past event " + mark).atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                    .until(() -> progress(id), r -> !r[0].equals("running") || Long.parseLong(r[1]) >= mark);
            assertThat(status[0]).as("status before disruption " + k).isEqualTo("running");
            disruption.strike();
        }
        Awaitility.await("the replay ends").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(() -> progress(id), r -> !r[0].equals("running"));
        ReplayRow done = Awaitility.await("the replay read").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> repo.find(id).orElseThrow(), r -> true); // the pool may still hold a dropped connection
        Map<String, List<Long>> seen = new HashMap<>();
        JsonMapper json = new JsonMapper();
        for (ConsumerRecord<String, String> rec : TopicRecords.readAll(List.of("market.bars.1m", "market.bars.5m", "market.bars.15m"))) {
            JsonNode payload = json.readTree(rec.value()).get("payload");
            if (id.toString().equals(payload.path("replay_id").asString(null))) {
                seen.computeIfAbsent(payload.get("ticker").asString() + "|" + payload.get("timeframe").asString(),
                        k -> new ArrayList<>()).add(Instant.parse(payload.get("start").asString()).toEpochMilli());
            }
        }
        return new Outcome(done, replays.interruptions() - interruptionsBefore, seen);
    }

    private static void assertCompleted(Outcome o) {
        assertThat(o.row().status()).as("error: " + o.row().error()).isEqualTo("completed");
        assertThat(o.row().position()).isEqualTo(o.row().total());
        assertThat(o.row().total()).isEqualTo(expected.values().stream().mapToLong(List::size).sum());
    }

    @Test
    void aReplayOutlivesTerminatedConnectionsAndPublishesEveryBarOnceInOrder() throws Exception {
        int[] terminated = {0};
        Outcome o = replayThrough(5, () -> terminated[0] += terminateServiceConnections());
        System.out.printf("replay outage: %d connections terminated in 5 drops, replay interrupted and resumed %d times%n",
                terminated[0], o.interruptions());
        assertCompleted(o);
        assertThat(terminated[0]).as("connections terminated").isGreaterThanOrEqualTo(5);
        assertThat(o.interruptions()).as("the replay met a dropped connection (else this test proves nothing)")
                .isGreaterThanOrEqualTo(1);
        // per ticker and timeframe, in partition order: every bar, in order, none skipped and none repeated
        assertThat(o.seen()).isEqualTo(expected);
    }

    @Test
    void aReplayOutlivesPostgresRestartsAndPublishesEveryBarOnceInOrder() throws Exception {
        Outcome o = replayThrough(2, SigmatiqInfrastructure::restartPostgres);
        System.out.printf("replay outage: PostgreSQL restarted twice, replay interrupted and resumed %d times%n",
                o.interruptions());
        assertCompleted(o);
        assertThat(o.seen()).isEqualTo(expected);
    }

    @Test
    void aReplayOutlivesABrokerRestartAndPublishesEveryBarInOrder() throws Exception {
        Outcome o = replayThrough(1, SigmatiqInfrastructure::restartKafka);
        long repeated = 0;
        Map<String, List<Long>> distinct = new HashMap<>();
        for (var e : o.seen().entrySet()) {
            List<Long> starts = e.getValue();
            for (int i = 1; i < starts.size(); i++) {
                assertThat(starts.get(i)).as(e.getKey() + " in order at " + i).isGreaterThanOrEqualTo(starts.get(i - 1));
            }
            distinct.put(e.getKey(), starts.stream().distinct().toList());
            repeated += starts.size() - distinct.get(e.getKey()).size();
        }
        System.out.printf("replay outage: Kafka broker restarted once, replay interrupted and resumed %d times, "
                + "%d bars published twice%n", o.interruptions(), repeated);
        assertCompleted(o);
        // each bar at least once, in order, none skipped (a repeat is allowed here: a send the broker had not
        // acknowledged in time may land after the resumed replay sent it again; subscribers drop it by event id)
        assertThat(distinct).isEqualTo(expected);
    }

    /** The replay's status and position, read over a connection of the test's own. */
    private static String[] progress(UUID id) throws Exception {
        SigmatiqInfrastructure.Endpoints e = SigmatiqInfrastructure.start();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("marketdata"), e.username(), e.password());
             PreparedStatement s = c.prepareStatement("select status, position from replay where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), Long.toString(rs.getLong(2))};
            }
        }
    }

    /** Terminates every connection the service holds (idle or busy), as a PostgreSQL restart would; how many. */
    private static int terminateServiceConnections() throws Exception {
        SigmatiqInfrastructure.Endpoints e = SigmatiqInfrastructure.start();
        try (Connection admin = DriverManager.getConnection(e.jdbcUrl(), e.username(), e.password());
             PreparedStatement s = admin.prepareStatement("select count(*) filter (where pg_terminate_backend(pid)) "
                     + "from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() "
                     + "and application_name = ?")) {
            s.setString(1, APPLICATION_NAME);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
