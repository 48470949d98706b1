package com.sigmatiq.pilot.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.kit.web.testing.FuzzRun;
import com.sigmatiq.kit.web.testing.RequestFuzzer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input, fuzzed from seed bodies: accounts, approvals, kill switches and order queries never give a 5xx, every
 * refusal is a problem document and changes no stored row; the OpenAPI document types the API.
 */
class BadInputIntegrationTest extends PilotIntegrationTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    private FuzzRun.Answer send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        r = "GET".equals(method) ? r.GET() : r.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> a = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        return new FuzzRun.Answer(a.statusCode(), a.headers().firstValue("Content-Type").orElse(""), a.body());
    }

    private Map<String, Long> rows() {
        return Map.of("accounts", count("account"), "approvals", count("approval"), "orders", count("live_order"),
                "kill_switch_events", count("kill_switch_event"));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void fuzzedRequestsNeverGive5xx() {
        User u = newUser();
        String account = api().post("/pilot/accounts", u.token(), fixAccount("FUZZ0", "pw", 9878)).body().path("id").asString();
        List<RequestFuzzer.Case> accounts = RequestFuzzer.cases(List.of(fixAccount("FUZZ1", "secret-pw", 9878), """
                {"broker": "alpaca", "account_id": "PA1", "connection": {"base_url": "https://paper-api.alpaca.markets"},
                 "credentials": {"api_key_id": "k", "api_secret_key": "s"},
                 "limits": {"max_capital": 5000, "max_position_size": 1000, "max_open_positions": 1,
                            "daily_loss_limit": 100, "max_orders_per_minute": 5, "price_band_pct": 5}}"""), 11, 150);
        FuzzRun.Report open = FuzzRun.run("POST /pilot/accounts", accounts, b -> send("POST", "/pilot/accounts", u.token(), b),
                this::rows);
        assertThat(open.failures()).isEmpty();

        List<RequestFuzzer.Case> approvals = RequestFuzzer.cases(List.of("""
                {"model_id": "pub_spy_momentum_001", "paper_trading_complete": true, "paper_performance_acceptable": true,
                 "user_approval": true, "live_settings": {"broker": "fix", "account_id": "FUZZ0", "max_capital": 50000,
                 "max_position_size": 1000, "enable_sigma_pilot": true}, "go_live_date": "2024-02-14T09:30:00Z"}"""), 13, 120);
        FuzzRun.Report approve = FuzzRun.run("POST /pilot/approvals", approvals,
                b -> send("POST", "/pilot/approvals", u.token(), b), this::rows);
        assertThat(approve.failures()).isEmpty();

        List<RequestFuzzer.Case> switches = RequestFuzzer.cases(List.of("{\"engaged\": true}"), 17, 60);
        FuzzRun.Report kill = FuzzRun.run("POST /pilot/accounts/{id}/kill-switch", switches,
                b -> send("POST", "/pilot/accounts/" + account + "/kill-switch", u.token(), b), this::rows);
        assertThat(kill.failures()).isEmpty();

        List<RequestFuzzer.Case> ids = RequestFuzzer.cases(List.of("{\"account_id\": \"acc_0f8fad5bd9cb469fa165\"}"), 19, 80);
        FuzzRun.Report orders = FuzzRun.run("GET /pilot/orders?account_id=", ids, b -> send("GET",
                "/pilot/orders?account_id=" + URLEncoder.encode(b, StandardCharsets.UTF_8), u.token(), null), this::rows);
        assertThat(orders.failures()).isEmpty();
        FuzzRun.Report byId = FuzzRun.run("GET /pilot/orders/{id}", ids, b -> send("GET",
                "/pilot/orders/" + URLEncoder.encode(b, StandardCharsets.UTF_8).replace("+", "%20"), u.token(), null), this::rows);
        assertThat(byId.failures()).isEmpty();
        assertThat(api().get("/pilot/orders/ORD_nothing", u.token()).status()).isEqualTo(404);
        assertThat(api().post("/pilot/orders/ORD_nothing/cancel", u.token(), "").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentTypesTheApi() {
        var docs = api().get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/pilot/orders/{id}")).isTrue();
        assertThat(docs.body().path("paths").has("/pilot/accounts/{id}/reconciliation")).isTrue();
        assertThat(docs.body().path("components").path("schemas").path("OrderView").path("properties").has("execution")).isTrue();
        assertThat(docs.raw()).doesNotContain("\"credentials_set\":{\"type\":\"object\"");
    }
}
