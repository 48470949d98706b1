package com.sigmatiq.model.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.kit.web.testing.FuzzRun;
import com.sigmatiq.kit.web.testing.Refusal;
import com.sigmatiq.kit.web.testing.RequestFuzzer;
import com.sigmatiq.model.support.ApiClient;
import com.sigmatiq.model.support.StubPackService;
import com.sigmatiq.model.support.TestIdentity;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bad model requests, tried as a new user would: ids that walk paths (refused before pack-service is asked), NUL
 * characters, null inside lists, and a bounded fuzz of the seed's create-model request and of status changes. Each
 * refusal is a 4xx problem naming the field, with nothing stored; no request gets a 5xx.
 */
@SigmatiqIntegrationTest
class BadInputIntegrationTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestIdentity.get().jwkSetUri());
        registry.add("sigmatiq.services.pack-service", () -> StubPackService.get().baseUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String owner = UUID.randomUUID().toString();
    private final String token = TestIdentity.get().token(owner);

    private static final String SEED = seed();

    private static String seed() {
        try (InputStream in = BadInputIntegrationTest.class.getResourceAsStream("/seed/create-model-request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    /** The owner's models with their status and last change: a refused request changes none of it. */
    private Map<String, Long> rows() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("models", jdbc.sql("select count(*) from models where owner_id = ?").param(owner).query(Long.class).single());
        m.put("changes", jdbc.sql("select coalesce(sum(extract(epoch from updated_at) * 1000 + length(status)), 0)::bigint "
                + "from models where owner_id = ?").param(owner).query(Long.class).single());
        return m;
    }

    private FuzzRun.Answer create(String body) {
        ApiClient.Response r = api().post("/models", token, body);
        return new FuzzRun.Answer(r.status(), r.header("Content-Type"), r.body());
    }

    private void refused(String body, String field) throws Exception {
        Refusal.check(this::create, body, 400, field, this::rows);
    }

    @Test
    void idsThatWalkPathsAre400NamingTheFieldAndPackServiceIsNotAsked() throws Exception {
        int packCalls = StubPackService.get().authorizations().size();
        refused(SEED.replace("\"swingsigma\"", "\"../../etc/passwd\""), "pack_id");
        refused(SEED.replace("\"swingsigma\"", "\"a/b\""), "pack_id");
        refused(SEED.replace("\"pack_id\"", "\"pack_version\": \"../x\", \"pack_id\""), "pack_version");
        assertThat(StubPackService.get().authorizations()).hasSize(packCalls);
    }

    @Test
    void aNulCharacterIs400NamingTheField() throws Exception {
        refused(SEED.replace("SPY Momentum Swing", "SPY\\u0000Swing"), "name");
        refused(SEED.replace("\"rsi_period\": 21", "\"rsi\\u0000period\": 21"), "parameter_overrides.rsi\u0000period");
    }

    @Test
    void anUnknownTimeframeWithAnOtherwiseGoodRequestIs400() throws Exception {
        refused(SEED.replace("\"ticker\": \"SPY\",", "\"ticker\": \"SPY\", \"timeframe\": \"7m\","), "timeframe");
        refused(SEED.replace("\"ticker\": \"SPY\",", "\"ticker\": \"SPY\", \"timeframe\": 0,"), "timeframe");
    }

    @Test
    void nullInsideAListIs400NamingTheItem() throws Exception {
        refused(SEED.replace("\"rsi\", \"macd\"", "\"rsi\", null"), "selected_indicators[1]");
    }

    @Test
    void fuzzedCreateRequestsNeverGive5xxAndRefusalsStoreNothing() {
        String daily = SEED.replace("\"ticker\": \"SPY\",", "\"ticker\": \"SPY\", \"timeframe\": \"1d\", \"pack_version\": \"1.0.0\",")
                .replace("spy_swing_momentum_v1", "spy_daily");
        List<RequestFuzzer.Case> cases = RequestFuzzer.cases(List.of(SEED, daily), 20260104L, 300);
        FuzzRun.Report report = FuzzRun.run("model POST /models", cases, this::create, this::rows);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void fuzzedStatusChangesNeverGive5xxAndRefusalsChangeNothing() {
        String id = "fuzz_status";
        assertThat(api().post("/models", token, SEED.replace("spy_swing_momentum_v1", id)).status()).isEqualTo(201);
        List<RequestFuzzer.Case> cases = RequestFuzzer.cases(List.of("{\"status\": \"swept\"}", "{\"status\": \"retired\"}"),
                20260105L, 100);
        FuzzRun.Report report = FuzzRun.run("model PATCH /models/{id}/status", cases, body -> {
            ApiClient.Response r = api().patch("/models/" + id + "/status", token, body);
            return new FuzzRun.Answer(r.status(), r.header("Content-Type"), r.body());
        }, this::rows);
        assertThat(report.failures()).isEmpty();
    }
}
