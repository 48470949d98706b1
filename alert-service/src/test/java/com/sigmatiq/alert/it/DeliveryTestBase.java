package com.sigmatiq.alert.it;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.AlertAction;
import com.sigmatiq.alert.domain.AlertIds;
import com.sigmatiq.alert.domain.Delivery;
import com.sigmatiq.alert.domain.DeliveryPlanner;
import com.sigmatiq.alert.domain.DeliveryRepository;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import com.sigmatiq.testinfra.TestApi;
import com.sigmatiq.testinfra.TestJwks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application context for the delivery tests: embedded PostgreSQL and Kafka (testinfra), real tokens from a
 * test JWKS, SMTP at GreenMail's test port, short webhook timeouts. Publications and alerts are written with SQL (as
 * the runtime stores them); their delivery rows come from the planner, stored as the runtime stores them.
 */
abstract class DeliveryTestBase extends AlertIntegrationTestBase {

    @Autowired
    JsonMapper json;
    @Autowired
    DeliveryPlanner planner;
    @Autowired
    DeliveryRepository deliveries;
    @Autowired
    Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    record User(String id, String token) {
    }

    static User newUser() {
        String id = UUID.randomUUID().toString();
        return new User(id, JWKS.token(id));
    }

    TestApi.Response put(String path, String token, String body) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                r.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
            return new TestApi.Response(res.statusCode(), res.body().isBlank() ? null : json.readTree(res.body()),
                    res.body(), res.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A published model of {@code owner} in {@code status}, stored as alert-service follows it. */
    Publication publication(String owner, String status) {
        String id = "pub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Publication p = new Publication(id, owner, "spy_morning_momentum", "tm_1", "SPY", "5m", "swingsigma", "1.0.0",
                "momentum", Map.of("threshold", 0.6), "SPY Morning Momentum", 3, status.equals("paper_trading"), 50_000,
                Publication.LIVE, status);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into publications (id, owner_id, model_id, trained_model_id, ticker, timeframe, pack_id,
                    pack_version, strategy_id, effective_config, name, max_alerts_per_day, paper_trade_first,
                    paper_equity, feed, status, published_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), owner, p.modelId(), p.trainedModelId(), p.ticker(), p.timeframe(), p.packId(),
                        p.packVersion(), p.strategyId(), json.writeValueAsString(p.effectiveConfig()), p.name(),
                        p.maxAlertsPerDay(), p.paperTradeFirst(), p.paperEquity(), p.feed(), p.status(), now, now)
                .update();
        return p;
    }

    /** A BUY of 22 SPY at 453.50 valid until {@code validUntil}, stored as the runtime stores it. */
    Alert alert(Publication p, Instant validUntil) {
        Instant bar = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Alert a = new Alert(AlertIds.of(p.id(), bar.toEpochMilli(), AlertAction.BUY), bar, p.id(), p.ownerId(),
                new Alert.Signal(AlertAction.BUY, "stock", "SPY", 0.72, "high"),
                new Alert.OrderDetails("limit", 22, 453.50, 444.43, 471.64, "day", validUntil, null, null),
                new Alert.Metadata("momentum", "swingsigma", Map.of("rsi_14", 41.2), Map.of("win_rate", 0.58), 0.012, 2.5));
        jdbc.sql("insert into alerts (alert_id, publication_id, owner_id, bar_time, action, alert, created_at)"
                        + " values (?, ?, ?, ?, ?, ?::json, ?)")
                .params(a.alertId(), p.id(), p.ownerId(), Timestamp.from(bar), "BUY", json.writeValueAsString(a),
                        Timestamp.from(clock.instant()))
                .update();
        return a;
    }

    /** Plans and stores the alert's delivery rows (as the runtime does in the alert's transaction). */
    List<Delivery> deliver(Publication p, Alert a) {
        List<Delivery> rows = planner.plan(p, a);
        deliveries.insert(rows, clock.instant());
        return rows;
    }

    Instant inMinutes(int minutes) {
        return clock.instant().plus(Duration.ofMinutes(minutes));
    }

    /** The stored alert document, as text (what the webhook's body and signature must be). */
    String storedAlert(String alertId) {
        return jdbc.sql("select alert::text from alerts where alert_id = ?").param(alertId).query(String.class).single();
    }

    Map<String, Object> row(String alertId, String destination) {
        return jdbc.sql("select status, attempts, last_error, sent_at, claim_id, next_attempt_at from deliveries"
                        + " where alert_id = ? and destination = ?")
                .params(alertId, destination).query().singleRow();
    }

    String status(String alertId, String destination) {
        return (String) row(alertId, destination).get("status");
    }
}
