package com.sigmatiq.alert.it;

import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeStore;
import com.sigmatiq.alert.support.AlertUpstreams;
import com.sigmatiq.alert.support.Spy5m;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.kit.messaging.EventSender;
import com.sigmatiq.ml.Hyperparameters;
import com.sigmatiq.ml.MetaLabelTrainer;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.ml.TrainingRequest;
import com.sigmatiq.ml.TrainingSettings;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import com.sigmatiq.testinfra.TestApi;
import com.sigmatiq.testinfra.TestJwks;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application context for alert-service's integration tests: embedded PostgreSQL and Kafka (testinfra), tokens
 * from a test JWKS, the upstream services stood in by {@link AlertUpstreams}, and a model trained on January 2011 with
 * the backtest of March that every replay is held to.
 */
@SigmatiqIntegrationTest(properties = {"sigmatiq.identity.service-secret=test-service-secret",
        "spring.mail.host=127.0.0.1", "spring.mail.port=3025", "sigmatiq.alert.push.request-timeout=4s",
        "sigmatiq.alert.secret-key=test-alert-secret-key-0123456789"})
abstract class AlertIntegrationTestBase {

    static final TestJwks JWKS = TestJwks.start();
    static final AlertUpstreams UPSTREAMS = AlertUpstreams.get(JWKS);
    /** The stored documents' form: snake_case, as the service writes them. */
    static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build();

    static StrategyConfig config;
    static Map<String, byte[]> artifacts;
    static List<Trade> trades;
    static int marchFrom;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry r) {
        r.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWKS::jwkSetUri);
        r.add("sigmatiq.identity.token-uri", () -> UPSTREAMS.url() + "/api/auth/service-token");
        r.add("sigmatiq.services.pack-service", UPSTREAMS::url);
        r.add("sigmatiq.services.market-data-service", UPSTREAMS::url);
        r.add("sigmatiq.services.training-service", UPSTREAMS::url);
    }

    @BeforeAll
    static synchronized void trainOnJanuary() {
        if (artifacts != null) {
            return;
        }
        BarSeries bars = Spy5m.BARS;
        config = StrategyConfig.resolve(Spy5m.PACK, "momentum_swing", Map.of("threshold", 0.5, "allowed_hours",
                "all_day", "position_size_pct", 10, "stop_loss_pct", 0.4, "take_profit_pct", 0.6, "time_stop_days", 2));
        TrainingRequest request = TrainingRequest.of(config, bars).withRange(LocalDate.of(2011, 1, 3), LocalDate.of(2011, 1, 31))
                .withSettings(TrainingSettings.defaults().withCalibration(TrainingSettings.Calibration.NONE))
                .withHyperparameters(new Hyperparameters(40, 4, 0.1, 0.8, 0.8, 42, 2));
        try (TrainedModel model = MetaLabelTrainer.train(request).model()) {
            artifacts = model.artifacts();
            marchFrom = StrategyBacktest.range(bars, SessionClock.of(bars), LocalDate.of(2011, 3, 1), null)[0];
            trades = StrategyBacktest.run(config, bars, marchFrom, bars.size(), null, model.confidence(config.pack()),
                    model.inputNames()).result().trades();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    RuntimeStore store;

    @Autowired
    EventSender sender;

    @Autowired
    JdbcClient jdbc;

    TestApi api() {
        return new TestApi(port);
    }

    static Publication publication(String id, String owner, String feed) {
        return new Publication(id, owner, "spy_swing_momentum_v1", "spy_swing_momentum_v1_trained_001", "SPY", "5m",
                "swingsigma", "1.0.0", "momentum_swing", config.toMap(), "SPY Momentum", 1000, false, 50_000, feed, "alerting");
    }

    /** Evaluations stored for a publication (the bars of its blocks). */
    long evaluated(String publicationId) {
        return count("select coalesce(sum(bars), 0) from evaluation_blocks where publication_id = ?", publicationId);
    }

    /** Pairs of a publication's blocks that share a bar (a bar evaluated twice): none may. */
    long overlappingBlocks(String publicationId) {
        return count("select count(*) from evaluation_blocks a join evaluation_blocks b on b.publication_id = a.publication_id"
                + " and a.first_bar_time < b.first_bar_time and b.first_bar_time <= a.last_bar_time where a.publication_id = ?",
                publicationId);
    }

    long count(String sql, String param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
