package com.sigmatiq.pilot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.model.ModelPublished;
import com.sigmatiq.contracts.paper.PaperCompleted;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventSender;
import com.sigmatiq.testinfra.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST /pilot/approvals}: seed 8.1's body, refused with every reason, or stored and announced on pilot.events. */
class ApprovalsIntegrationTest extends PilotIntegrationTestBase {

    @Autowired
    EventSender sender;

    @Autowired
    org.springframework.core.env.Environment env;

    String publication(User u, String recommendation) throws Exception {
        String pub = "pub_ap_" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        ModelPublished p = new ModelPublished(pub, "m_" + pub, "t_" + pub, 1, "SPY", "5m", "swingsigma", "1.0.0", "s", Map.of(),
                "IT", 3, true, 5, 50_000, "live", null, "paper_trading", now, null);
        sender.send(Topics.MODEL_EVENTS, EventCatalog.envelope(UUID.randomUUID(), p, u.id(), pub, now)).get();
        sender.send(Topics.PAPER_EVENTS, EventCatalog.envelope(UUID.randomUUID(), new PaperCompleted(pub, p.modelId(), "a",
                recommendation, now, now, 5, 8, 0.625, 1.68, 0.05, now), u.id(), pub, now)).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from publication p join paper_recommendation r "
                + "using (published_id) where published_id = ?").param(pub).query(Long.class).single() == 1);
        return pub;
    }

    @Test
    void anApprovalIsRefusedWithEveryReason() throws Exception {
        User u = newUser();
        User other = newUser();
        api().post("/pilot/accounts", other.token(), fixAccount("OTHER1", "pw", 9878));
        String pub = publication(u, "REJECT");
        TestApi.Response r = api().post("/pilot/approvals", u.token(), """
                {"model_id": "%s", "paper_trading_complete": true, "paper_performance_acceptable": true, "user_approval": false,
                 "live_settings": {"broker": "fix", "account_id": "OTHER1", "max_capital": 50000, "max_position_size": 1000,
                                   "enable_sigma_pilot": true},
                 "go_live_date": "2024-02-14T09:30:00Z"}""".formatted(pub));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("title").asString()).isEqualTo("Approval refused");
        assertThat(r.body().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("model_id", "user_approval", "live_settings.account_id");
        assertThat(r.raw()).contains("REJECT");

        String foreign = publication(other, "APPROVE_FOR_LIVE_TRADING");
        TestApi.Response notMine = api().post("/pilot/approvals", u.token(), """
                {"model_id": "%s", "user_approval": true, "go_live_date": "2024-02-14T09:30:00Z",
                 "live_settings": {"broker": "interactive_brokers", "account_id": "DU123456", "max_capital": 50000,
                                   "max_position_size": 1000, "enable_sigma_pilot": true}}""".formatted(foreign));
        assertThat(notMine.body().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("model_id",
                "live_settings.account_id");
        assertThat(jdbc.sql("select count(*) from approval where published_id in (?, ?)").params(pub, foreign)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anApprovalOfAnApprovedPaperModelIsStoredAndAnnounced() throws Exception {
        User u = newUser();
        api().post("/pilot/accounts", u.token(), fixAccount("DU123456", "pw", 9878));
        String pub = publication(u, "APPROVE_FOR_LIVE_TRADING");
        String body = """
                {"model_id": "%s", "paper_trading_complete": true, "paper_performance_acceptable": true, "user_approval": true,
                 "live_settings": {"broker": "fix", "account_id": "DU123456", "max_capital": 50000, "max_position_size": 1000,
                                   "enable_sigma_pilot": true},
                 "go_live_date": "2024-02-14T09:30:00Z"}""".formatted(pub);
        TestApi.Response ok = api().post("/pilot/approvals", u.token(), body);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(ok.body().path("go_live_date").asString()).isEqualTo("2024-02-14T09:30:00Z");
        assertThat(api().post("/pilot/approvals", u.token(), body).status()).isEqualTo(409);

        Properties p = new Properties();
        p.put("bootstrap.servers", env.getProperty("spring.kafka.bootstrap-servers"));
        p.put("group.id", "approvals-it-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(Topics.PILOT_EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> pub.equals(r.key()));
            });
        }
        String event = seen.stream().filter(r -> pub.equals(r.key())).findFirst().orElseThrow().value();
        assertThat(event).contains("\"type\":\"pilot.live_trading_approved\"", "\"go_live_date\":\"2024-02-14T09:30:00Z\"",
                "\"owner_id\":\"" + u.id() + "\"");
    }
}
