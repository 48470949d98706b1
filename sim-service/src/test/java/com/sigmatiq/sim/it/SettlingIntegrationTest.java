package com.sigmatiq.sim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.sim.support.PaperAlerts;
import com.sigmatiq.sim.support.SimUpstreams;
import com.sigmatiq.sim.support.Trained;
import com.sigmatiq.testinfra.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A paper period is closed on what alert-service says, not on a timer: it waits while alert-service has not stored the
 * alerts of the period's bars (it may be down, or behind) and while any of them has not arrived here; and when the
 * model's runtime began deciding before the account did (it took the replay from its first bar, the account began at a
 * later one), the backtest decides from that same bar, so a position the alerts held when the period began is held by
 * the backtest too.
 */
class SettlingIntegrationTest extends SimIntegrationTestBase {

    private static final Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

    @Test
    void aPeriodWaitsUntilAlertServiceHasMadeEveryAlertOfItsBarsAndEachHasArrived() throws Exception {
        String owner = UUID.randomUUID().toString();
        String replay = "replay-" + UUID.randomUUID();
        String pub = "pub_" + UUID.randomUUID().toString().replace("-", "");
        UPSTREAMS.addTrainedModel(owner, TRAINED, Trained.ARTIFACTS, 1.2);
        int from = Trained.MARCH;
        int sessions = 3;
        int next = firstBarAfter(from, sessions);
        List<PaperAlerts.Sent> alerts;
        try (TrainedModel model = Trained.model()) {
            alerts = PaperAlerts.of(pub, Trained.CONFIG, model, 1000, BARS, from, next, 50_000);
        }
        assertThat(alerts).hasSizeGreaterThan(1);
        try {
            UPSTREAMS.setProgress(pub, new SimUpstreams.Progress(null, null, List.of()));   // alert-service is behind
            publish(owner, published(pub, "replay", replay, sessions, 1000));
            String token = JWKS.token(owner);
            String account = "sim_" + pub.substring(4);
            TestApi api = api();
            api.await("/sim/accounts/" + account, token, b -> b.path("status").isString(), Duration.ofSeconds(30));
            replay(replay, from, next + 1);
            for (PaperAlerts.Sent a : alerts.subList(0, alerts.size() - 1)) {
                alert(pub, a.document());
            }
            api.await("/sim/accounts/" + account, token, b -> "settling".equals(b.path("status").asString()),
                    Duration.ofSeconds(60));
            // well past the settle time (1 s here), it waits for alert-service
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                    .until(() -> "settling".equals(status(api, account, token)));

            // alert-service has caught up; one of its alerts has not arrived here yet
            UPSTREAMS.setProgress(pub, new SimUpstreams.Progress(Instant.ofEpochMilli(BARS.time()[from]), FAR,
                    alerts.stream().map(PaperAlerts.Sent::alertId).toList()));
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> "settling".equals(status(api, account, token)));

            alert(pub, alerts.get(alerts.size() - 1).document());
            JsonNode performance = api.await("/sim/accounts/" + account + "/performance", token,
                    b -> "complete".equals(b.path("status").asString()), Duration.ofSeconds(60));
            JsonNode r = performance.path("reconciliation");
            assertThat(r.path("mismatches").asInt()).as(r.toString()).isZero();
            assertThat(r.path("paper_trades").asInt()).as(r.toString()).isEqualTo(r.path("backtest_trades").asInt()).isPositive();
        } finally {
            UPSTREAMS.setProgress(pub, null);
        }
    }

    @Test
    void aPeriodThatBeganInsideAPositionOfItsAlertsIsReconciledFromWhereTheyBegan() throws Exception {
        String owner = UUID.randomUUID().toString();
        String replay = "replay-" + UUID.randomUUID();
        String pub = "pub_" + UUID.randomUUID().toString().replace("-", "");
        UPSTREAMS.addTrainedModel(owner, TRAINED, Trained.ARTIFACTS, 1.2);
        int decided = Trained.MARCH;
        // the account begins inside a trade that alert-service's runtime, deciding since the replay's first bar, holds
        BacktestResult whole = Trained.backtest(BARS, decided, BARS.size(), 50_000);
        Trade held = whole.trades().stream().filter(t -> t.entryBar() > decided + 20 && t.exitBar() - t.entryBar() >= 3)
                .findFirst().orElseThrow();
        int start = held.entryBar() + 1;
        int sessions = 3;
        int next = firstBarAfter(start, sessions);
        List<PaperAlerts.Sent> alerts;
        try (TrainedModel model = Trained.model()) {
            alerts = PaperAlerts.of(pub, Trained.CONFIG, model, 1000, BARS, decided, next, 50_000);
        }
        long end = BARS.time()[next - 1];
        try {
            UPSTREAMS.setProgress(pub, new SimUpstreams.Progress(Instant.ofEpochMilli(BARS.time()[decided]), FAR,
                    alerts.stream().filter(a -> a.barTime() <= end).map(PaperAlerts.Sent::alertId).toList()));
            publish(owner, published(pub, "replay", replay, sessions, 1000));
            String token = JWKS.token(owner);
            String account = "sim_" + pub.substring(4);
            TestApi api = api();
            api.await("/sim/accounts/" + account, token, b -> b.path("status").isString(), Duration.ofSeconds(30));
            replay(replay, start, next + 1);
            for (PaperAlerts.Sent a : alerts) {   // all that alert-service made, those before the account's first bar too
                alert(pub, a.document());
            }
            JsonNode performance = api.await("/sim/accounts/" + account + "/performance", token,
                    b -> "complete".equals(b.path("status").asString()), Duration.ofSeconds(60));
            JsonNode view = api.get("/sim/accounts/" + account, token).body();
            assertThat(Instant.parse(view.path("period_start").asString()).toEpochMilli())
                    .as("the period began inside the position").isEqualTo(BARS.time()[start]);
            JsonNode r = performance.path("reconciliation");
            assertThat(r.path("mismatches").asInt()).as(r.toString()).isZero();
            assertThat(r.path("backtest_trades").asInt()).as(r.toString()).isEqualTo(r.path("paper_trades").asInt());
        } finally {
            UPSTREAMS.setProgress(pub, null);
        }
    }

    /** The first bar after {@code sessions} sessions from bar {@code from}'s. */
    private static int firstBarAfter(int from, int sessions) {
        SessionClock clock = SessionClock.of(BARS);
        int i = from;
        while (i < BARS.size() && clock.session(i) < clock.session(from) + sessions) {
            i++;
        }
        return i;
    }

    private static String status(TestApi api, String account, String token) {
        return api.get("/sim/accounts/" + account, token).body().path("status").asString();
    }
}
