package com.sigmatiq.sim.it;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.contracts.model.ModelPublished;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventSender;
import com.sigmatiq.sim.support.SimUpstreams;
import com.sigmatiq.sim.support.Spy5m;
import com.sigmatiq.sim.support.Trained;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import com.sigmatiq.testinfra.TestApi;
import com.sigmatiq.testinfra.TestJwks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for sim-service's integration tests: embedded PostgreSQL and Kafka (testinfra), tokens from a
 * test JWKS, the upstream services stood in by {@link SimUpstreams}, and helpers that publish a model, replay bars and
 * send the alerts alert-service would send, as those services put them on Kafka.
 */
@SigmatiqIntegrationTest(properties = {"sigmatiq.identity.service-secret=test-service-secret",
        "sigmatiq.sim.settle-after=1s", "sigmatiq.sim.settle-interval=200ms"})
abstract class SimIntegrationTestBase {

    static final TestJwks JWKS = TestJwks.start();
    static final SimUpstreams UPSTREAMS = SimUpstreams.get(JWKS);
    static final String TRAINED = "spy_swing_momentum_v1_trained_001";
    static final BarSeries BARS = Spy5m.BARS;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry r) {
        r.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWKS::jwkSetUri);
        r.add("sigmatiq.identity.token-uri", () -> UPSTREAMS.url() + "/api/auth/service-token");
        r.add("sigmatiq.services.pack-service", UPSTREAMS::url);
        r.add("sigmatiq.services.market-data-service", UPSTREAMS::url);
        r.add("sigmatiq.services.training-service", UPSTREAMS::url);
        r.add("sigmatiq.services.alert-service", UPSTREAMS::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    EventSender sender;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    TestApi api() {
        return new TestApi(port);
    }

    static ModelPublished published(String pub, String feed, String replayId, int sessions, int maxPerDay) {
        return new ModelPublished(pub, "spy_swing_momentum_v1", TRAINED, 15, "SPY", "5m", "swingsigma", "1.0.0",
                "momentum_swing", Trained.CONFIG.toMap(), "SPY Momentum", maxPerDay, true, sessions, 50_000, feed, replayId,
                "paper_trading", Instant.now(), null);
    }

    void publish(String owner, ModelPublished p) throws Exception {
        EventEnvelope<ModelPublished> e = EventCatalog.envelope(UUID.randomUUID(), p, owner, p.publishedId(), Instant.now());
        sender.send(Topics.MODEL_EVENTS, e).get();
    }

    /** Bars {@code [from, to)} of {@link #BARS} on {@code market.bars.5m} as a replay's. */
    void replay(String replayId, int from, int to) throws Exception {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int t = from; t < to; t++) {
            BarClosed bar = new BarClosed("SPY", "America/New_York", "5m", Instant.ofEpochMilli(BARS.time()[t]),
                    Instant.ofEpochMilli(BARS.time()[t] + 300_000), BARS.open()[t], BARS.high()[t], BARS.low()[t],
                    BARS.close()[t], BARS.volume()[t], "replay", replayId, t - from);
            sent.add(sender.send(Topics.MARKET_BARS_5M, EventCatalog.envelope(UUID.randomUUID(), bar, null, "SPY", Instant.now())));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
    }

    /** An alert document on {@code alerts.paper}, keyed by its model, as alert-service sends it. */
    void alert(String pub, String document) throws Exception {
        kafka.send("alerts.paper", pub, document).get();
    }

    long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
