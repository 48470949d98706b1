package com.sigmatiq.pilot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.contracts.model.ModelPublished;
import com.sigmatiq.contracts.model.PublicationStatusChanged;
import com.sigmatiq.contracts.paper.PaperCompleted;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventSender;
import com.sigmatiq.pilot.support.FixTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * From an alert put on {@code alerts.live} to its NewOrderSingle at a QuickFIX/J acceptor, through the checks and the
 * stored state: p50/p99 over 10,000 orders, one at a time (the next alert follows the previous order's arrival). The
 * test's producer sends at once ({@code linger.ms=0}): the clock starts when the alert is handed to Kafka.
 * Run: {@code ./mvnw -q -B -ntp -pl pilot-service -am test -Dtest=TenThousandOrdersBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dpilot.benchmark=true}; the figures are logged.
 */
@EnabledIfSystemProperty(named = "pilot.benchmark", matches = "true")
@org.springframework.test.context.TestPropertySource(properties = "spring.kafka.producer.properties.linger.ms=0")
class TenThousandOrdersBenchmarkTest extends PilotIntegrationTestBase {

    private static final Logger log = LoggerFactory.getLogger(TenThousandOrdersBenchmarkTest.class);
    static final int WARMUP = 500;
    static final int ORDERS = 10_000;

    @Autowired
    EventSender sender;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}")
    String kafkaBootstrap;

    /**
     * The peer measured in the same run, interleaved with the orders so that both see the same machine: the Kafka hop
     * alone (the same producer, a plain consumer polling in its own thread), the floor under alerts.live.
     */
    static final class PeerHop implements AutoCloseable {

        private static final String TOPIC = "bench.peer";
        private final java.util.concurrent.ConcurrentMap<String, Long> arrived = new java.util.concurrent.ConcurrentHashMap<>();
        private final org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer;
        private final Thread poller;
        private volatile boolean running = true;

        PeerHop(String bootstrap) {
            consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                    "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class,
                    "value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class,
                    "enable.auto.commit", false, "auto.offset.reset", "latest"));
            try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(java.util.List.of(new org.apache.kafka.clients.admin.NewTopic(TOPIC, 1, (short) 1))).all().get();
            } catch (Exception e) {
                // exists already
            }
            var partition = new org.apache.kafka.common.TopicPartition(TOPIC, 0);
            consumer.assign(java.util.List.of(partition));
            consumer.seekToEnd(java.util.List.of(partition));
            consumer.position(partition);
            poller = new Thread(() -> {
                while (running) {
                    for (var r : consumer.poll(Duration.ofMillis(100))) {
                        arrived.put(r.key(), System.nanoTime());
                    }
                }
                consumer.close();
            }, "bench-peer");
            poller.start();
        }

        long roundTrip(KafkaTemplate<String, String> kafka, String key) {
            long start = System.nanoTime();
            kafka.send(TOPIC, key, "{}");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofNanos(50_000)).pollDelay(Duration.ZERO)
                    .until(() -> arrived.containsKey(key));
            return (arrived.remove(key) - start) / 1_000;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            poller.join(5_000);
        }
    }

    @Test
    void alertToNewOrderSingle() throws Exception {
        try (FixTestBroker broker = new FixTestBroker()) {
            broker.behave(FixTestBroker.Behaviour.ACCEPT);
            User u = newUser();
            String body = fixAccount("BENCH1", "pw", broker.port()).replaceAll("\"limits\": \\{[^}]*}",
                    "\"limits\": {\"max_capital\": 1000000000, \"max_position_size\": 1000, \"max_open_positions\": 10, "
                            + "\"daily_loss_limit\": 1000, \"max_orders_per_minute\": 1000000}");
            String account = api().post("/pilot/accounts", u.token(), body).body().path("id").asString();
            String pub = "pub_bench_" + UUID.randomUUID().toString().substring(0, 8);
            Instant now = Instant.now();
            ModelPublished p = new ModelPublished(pub, "m", "t", 1, "SPY", "5m", "swingsigma", "1.0.0", "s", Map.of(), "B", 3,
                    true, 5, 50_000, "live", null, "paper_trading", now, null);
            sender.send(Topics.MODEL_EVENTS, EventCatalog.envelope(UUID.randomUUID(), p, u.id(), pub, now)).get();
            sender.send(Topics.PAPER_EVENTS, EventCatalog.envelope(UUID.randomUUID(), new PaperCompleted(pub, "m", "a",
                    "APPROVE_FOR_LIVE_TRADING", now, now, 5, 8, 0.6, 1.6, 0.05, now), u.id(), pub, now)).get();
            sender.send(Topics.MODEL_EVENTS, EventCatalog.envelope(UUID.randomUUID(), new PublicationStatusChanged(pub, "m",
                    "paper_complete", "live", now), u.id(), pub, now)).get();
            sender.send(Topics.MARKET_BARS_5M, EventCatalog.envelope(UUID.randomUUID(), new BarClosed("SPY", "XNYS", "5m",
                    now.minusSeconds(300), now, 10, 10, 10, 10, 1.0, "live", null, 1), null, "SPY", now)).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from publication p join "
                    + "paper_recommendation using (published_id) join last_close l on l.ticker = p.ticker "
                    + "where published_id = ? and status = 'live'").param(pub).query(Long.class).single() == 1);
            assertThat(api().post("/pilot/approvals", u.token(),
                    LiveTradingTestBase.approval(pub, "BENCH1").replace("\"max_capital\": 50000", "\"max_capital\": 1000000000")).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> "connected".equals(jdbc.sql(
                    "select connection_state from account where id = ?").param(account).query(String.class).single()));

            long[] micros = new long[ORDERS];
            long[] peer = new long[ORDERS];
            try (PeerHop hop = new PeerHop(kafkaBootstrap)) {
            for (int i = -WARMUP; i < ORDERS; i++) {
                String id = "alert_" + pub + "_" + (i + WARMUP) + "_buy";
                String doc = "{\"alert_id\":\"" + id + "\",\"timestamp\":\"" + Instant.now() + "\",\"model_id\":\"" + pub
                        + "\",\"signal\":{\"action\":\"BUY\",\"ticker\":\"SPY\"},\"order_details\":{\"order_type\":\"limit\","
                        + "\"quantity\":1,\"entry_price\":10.0,\"time_in_force\":\"day\"}}";
                ProducerRecord<String, String> r = new ProducerRecord<>("alerts.live", pub, doc);
                r.headers().add("alert_id", id.getBytes(StandardCharsets.UTF_8));
                long start = System.nanoTime();
                kafka.send(r);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofNanos(50_000)).pollDelay(Duration.ZERO)
                        .until(() -> broker.receivedAtNanos(id) != null);
                if (i >= 0) {
                    micros[i] = (broker.receivedAtNanos(id) - start) / 1_000;
                }
                long hopMicros = hop.roundTrip(kafka, "peer-" + i);
                if (i >= 0) {
                    peer[i] = hopMicros;
                }
            }
            }
            Arrays.sort(micros);
            Arrays.sort(peer);
            log.info("alerts.live -> NewOrderSingle over {} orders: p50 {} ms, p90 {} ms, p99 {} ms, max {} ms", ORDERS,
                    micros[ORDERS / 2] / 1000.0, micros[ORDERS * 90 / 100] / 1000.0, micros[ORDERS * 99 / 100] / 1000.0,
                    micros[ORDERS - 1] / 1000.0);
            log.info("peer, interleaved: one Kafka hop (producer -> consumer, nothing else) p50 {} ms, p90 {} ms, p99 {} ms;"
                    + " ratio order/peer p50 {}, p99 {}", peer[ORDERS / 2] / 1000.0, peer[ORDERS * 90 / 100] / 1000.0,
                    peer[ORDERS * 99 / 100] / 1000.0, String.format(java.util.Locale.ROOT, "%.2f",
                            (double) micros[ORDERS / 2] / peer[ORDERS / 2]),
                    String.format(java.util.Locale.ROOT, "%.2f", (double) micros[ORDERS * 99 / 100] / peer[ORDERS * 99 / 100]));
            assertThat(jdbc.sql("select count(*) from live_order where account_id = ?").param(account).query(Long.class).single())
                    .isEqualTo(ORDERS + WARMUP);
        }
    }
}
