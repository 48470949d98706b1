package com.sigmatiq.sim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.kit.web.testing.FuzzRun;
import com.sigmatiq.kit.web.testing.RequestFuzzer;
import com.sigmatiq.sim.support.PaperAlerts;
import com.sigmatiq.sim.support.Trained;
import com.sigmatiq.testinfra.TestApi;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Bad input, fuzzed: odd account ids and query values never give a 5xx and every refusal is a problem document; fuzzed
 * documents on {@code alerts.paper} (from a seed alert) are skipped or stored by their id, never block the topic, and
 * a good alert after them is still taken.
 */
class BadInputIntegrationTest extends SimIntegrationTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    private FuzzRun.Answer get(String pathAndQuery, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new FuzzRun.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private Map<String, Long> rows() {
        return Map.of("accounts", jdbc.sql("select count(*) from accounts").query(Long.class).single(),
                "alerts", jdbc.sql("select count(*) from alerts").query(Long.class).single());
    }

    @Test
    void fuzzedIdsAndQueryValuesNeverGive5xx() {
        String token = JWKS.token(UUID.randomUUID().toString());
        List<String> seeds = List.of("{\"published_model_id\": \"pub_0f8fad5bd9cb469fa16570867728950e\"}",
                "{\"id\": \"sim_0f8fad5bd9cb469fa16570867728950e\", \"part\": \"../performance\"}");
        List<RequestFuzzer.Case> cases = RequestFuzzer.cases(seeds, 7, 120);
        FuzzRun.Report byQuery = FuzzRun.run("GET /sim/accounts?published_model_id=", cases,
                body -> get("/sim/accounts?published_model_id=" + URLEncoder.encode(body, StandardCharsets.UTF_8), token),
                this::rows);
        assertThat(byQuery.failures()).isEmpty();
        FuzzRun.Report byPath = FuzzRun.run("GET /sim/accounts/{id}/performance", cases,
                body -> get("/sim/accounts/" + URLEncoder.encode(body, StandardCharsets.UTF_8).replace("+", "%20")
                        + "/performance", token), this::rows);
        assertThat(byPath.failures()).isEmpty();
        TestApi api = api();
        assertThat(api.get("/sim/accounts/sim_nothing", token).status()).isEqualTo(404);
        assertThat(api.get("/sim/accounts/sim_nothing/trades", token).status()).isEqualTo(404);
        assertThat(api.get("/sim/accounts/sim_nothing/equity", token).status()).isEqualTo(404);
        assertThat(api.get("/sim/accounts/sim_nothing/events", token).status()).isEqualTo(404);
        assertThat(api.get("/sim/accounts?published_model_id=%00", token).status()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentTypesTheAccountsApi() {
        TestApi.Response docs = api().get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/sim/accounts/{id}/performance")).isTrue();
        assertThat(docs.body().path("components").path("schemas").has("PerformanceReport")).isTrue();
        assertThat(docs.body().path("components").path("schemas").path("TradeView").path("properties").has("paper_trade_id"))
                .isTrue();
    }

    @Test
    void fuzzedAlertDocumentsNeverBlockTheTopic() throws Exception {
        String owner = UUID.randomUUID().toString();
        String pub = "pub_" + UUID.randomUUID().toString().replace("-", "");
        publish(owner, published(pub, "replay", "replay-" + UUID.randomUUID(), 5, 3));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from accounts where published_id = ?", pub) == 1);
        String seed = PaperAlerts.buyDocument(pub, BARS.time()[Trained.MARCH], 10, 130.0);
        for (RequestFuzzer.Case c : RequestFuzzer.cases(List.of(seed), 11, 150)) {
            alert(pub, c.body());
        }
        String good = PaperAlerts.buyDocument(pub, BARS.time()[Trained.MARCH + 10], 10, 131.0);
        alert(pub, good);
        String goodId = "alert_" + pub + "_" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochMilli(BARS.time()[Trained.MARCH + 10])) + "_buy";
        Awaitility.await("the good alert after the fuzzed ones").atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from alerts where alert_id = ?", goodId) == 1);
        assertThat(api().get("/sim/accounts/sim_" + pub.substring(4), JWKS.token(owner)).status()).isEqualTo(200);
    }
}
