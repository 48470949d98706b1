package com.sigmatiq.training.it;

import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import com.sigmatiq.testinfra.TestApi;
import com.sigmatiq.testinfra.TestJwks;
import com.sigmatiq.training.support.TrainingUpstreams;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One application context for the integration tests: embedded PostgreSQL and Kafka (testinfra), real RS256 tokens
 * from a test JWKS server, and the upstream services stood in by {@link TrainingUpstreams} with the repository's pack
 * and SPY daily bars.
 */
@SigmatiqIntegrationTest(properties = {"sigmatiq.training.worker.concurrency=2", "sigmatiq.training.watch.interval=2s"})
abstract class IntegrationTestBase {

    static final TestJwks JWKS = TestJwks.start();
    static final TrainingUpstreams UPSTREAMS = TrainingUpstreams.get();
    static final String MODEL = "spy_swing_momentum_v1";
    static final LocalDate START = LocalDate.of(2000, 1, 1);
    static final LocalDate END = LocalDate.of(2019, 12, 31);

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry r) {
        r.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWKS::jwkSetUri);
        r.add("sigmatiq.services.model-service", UPSTREAMS::url);
        r.add("sigmatiq.services.pack-service", UPSTREAMS::url);
        r.add("sigmatiq.services.market-data-service", UPSTREAMS::url);
        r.add("sigmatiq.services.sweep-service", UPSTREAMS::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api() {
        return new TestApi(port);
    }

    /** A user with the model and a completed sweep over 2000–2019 holding the seed's combinations 15 and 23. */
    record User(String id, String token, String sweepId) {
    }

    static User newUser() {
        String id = UUID.randomUUID().toString();
        UPSTREAMS.addModel(id, MODEL);
        String sweep = UUID.randomUUID().toString();
        UPSTREAMS.addSweep(sweep, id, MODEL, "completed", START, END, TrainingUpstreams.seedCombos());
        return new User(id, JWKS.token(id), sweep);
    }

    /** The seed's 5.1 selection, unchanged. */
    static final String SEED_SELECTION = """
            {
                "model_id": "spy_swing_momentum_v1",
                "selected_configs": [
                    {"combo_id": 15, "rank": 1, "config": {"threshold": 0.60, "allowed_hours": [9, 10, 11], "position_size_pct": 2}},
                    {"combo_id": 23, "rank": 2, "config": {"threshold": 0.65, "allowed_hours": [13, 14, 15], "position_size_pct": 2}}
                ],
                "training_params": {
                    "algorithm": "xgboost",
                    "validation_method": "time_series_split",
                    "test_size": 0.2,
                    "calibration": "sigmoid"
                }
            }""";

    /** The seed's selection with its first configuration only (combination 15). */
    static final String SEED_FIRST_ONLY = SEED_SELECTION.replaceAll(
            ",\\s*\\{\"combo_id\": 23[^\\n]*\\}\\}", "");

    /** {@code selection} with {@code hyperparameters} added. */
    static String withHyperparameters(String selection, String hyperparameters) {
        return selection.replace("\"training_params\"", "\"hyperparameters\": " + hyperparameters + ", \"training_params\"");
    }

    JsonNode awaitJob(String jobId, String token, String status, Duration timeout) {
        return api().await("/training/jobs/" + jobId, token, b -> status.equals(b.path("status").asString()), timeout);
    }
}
