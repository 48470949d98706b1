package com.sigmatiq.sim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.sim.support.PaperAlerts;
import com.sigmatiq.sim.support.Trained;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The speed benchmark of the issue (not a test of correctness; off unless {@code -Dsim.benchmark=true}): N paper
 * accounts (default 100) on one replay of SPY 5m for 14 sessions published at full speed, each model's alerts sent
 * right after the bar that decided them, as alert-service sends them. Measured: wall time from the replay's first bar
 * to every period's last bar taken, and to every recommendation stored (which includes the settle wait,
 * {@code sigmatiq.sim.settle-after} = 1 s here, and one reconciliation backtest per account); and the cost per bar per
 * account.
 */
@EnabledIfSystemProperty(named = "sim.benchmark", matches = "true")
class HundredModelsBenchmarkTest extends SimIntegrationTestBase {

    @Test
    void hundredAccountsOnOneReplay() throws Exception {
        int models = Integer.getInteger("sim.benchmark.models", 100);
        int sessions = Integer.getInteger("sim.benchmark.sessions", 14);
        String owner = UUID.randomUUID().toString();
        String replay = "replay-" + UUID.randomUUID();
        UPSTREAMS.addTrainedModel(owner, TRAINED, Trained.ARTIFACTS, 1.2);
        int from = Trained.MARCH;
        SessionClock clock = SessionClock.of(BARS);
        int to = clock.sessionLastBar(clock.session(from) + sessions - 1) + 1;
        String template = "pub_00000000000000000000000000000000";
        List<PaperAlerts.Sent> alerts;
        try (TrainedModel model = Trained.model()) {
            alerts = PaperAlerts.of(template, Trained.CONFIG, model, 1000, BARS, from, to, 50_000);
        }
        List<String> pubs = new ArrayList<>();
        for (int i = 0; i < models; i++) {
            String pub = "pub_" + UUID.randomUUID().toString().replace("-", "");
            pubs.add(pub);
            publish(owner, published(pub, "replay", replay, sessions, 1000));
        }
        String in = "('" + String.join("','", pubs) + "')";
        Awaitility.await().atMost(Duration.ofMinutes(2))
                .until(() -> jdbc.sql("select count(*) from accounts where published_id in " + in).query(Long.class).single() == models);

        long start = System.nanoTime();
        List<CompletableFuture<?>> futures = new ArrayList<>();
        int next = 0;
        for (int t = from; t < to; t++) {
            BarClosed bar = new BarClosed("SPY", "America/New_York", "5m", Instant.ofEpochMilli(BARS.time()[t]),
                    Instant.ofEpochMilli(BARS.time()[t] + 300_000), BARS.open()[t], BARS.high()[t], BARS.low()[t],
                    BARS.close()[t], BARS.volume()[t], "replay", replay, t - from);
            futures.add(sender.send(Topics.MARKET_BARS_5M, EventCatalog.envelope(UUID.randomUUID(), bar, null, "SPY", Instant.now())));
            while (next < alerts.size() && alerts.get(next).barTime() == BARS.time()[t]) {
                String doc = alerts.get(next++).document();
                for (String pub : pubs) {
                    futures.add(kafka.send("alerts.paper", pub, doc.replace(template, pub)));
                }
            }
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
        long published = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(
                "select count(*) from accounts where end_bar is not null and published_id in " + in).query(Long.class).single() == models);
        long ended = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(
                "select count(*) from accounts where status = 'complete' and published_id in " + in).query(Long.class).single() == models);
        long done = System.nanoTime();
        assertThat(jdbc.sql("select count(distinct recommendation) from accounts where published_id in " + in)
                .query(Long.class).single()).isEqualTo(1);

        int bars = to - from;
        double toEnd = (ended - start) / 1e9;
        double toDone = (done - start) / 1e9;
        String line = String.format("sim benchmark: %d accounts, %d sessions, %d bars, %d alerts per account; replay "
                        + "published in %.1f s; every period's last bar taken after %.1f s (%.0f µs per bar per account); every "
                        + "recommendation stored after %.1f s (settle-after 1 s included)",
                models, sessions, bars, alerts.size(), (published - start) / 1e9, toEnd, toEnd * 1e6 / bars / models, toDone);
        System.out.println(line);
    }
}
