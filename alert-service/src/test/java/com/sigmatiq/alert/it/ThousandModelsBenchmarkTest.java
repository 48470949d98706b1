package com.sigmatiq.alert.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.support.Spy5m;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.kit.messaging.EventCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many published models on SPY 5m (thresholds, hours, stops, targets, time stops and sizes varied), one replay at
 * maximum speed, either every bar of the replay published at once ({@code -Dalert.benchmark.mode=burst}, the default:
 * a bar's latency includes the work on every bar before it) or each bar published as soon as the one before has its
 * alerts stored ({@code mode=closed}: the runtime's own latency at the highest rate it sustains), or paced
 * ({@code -Dalert.benchmark.pace-ms=P}: one bar every P ms): each bar's latency is the time from its publication
 * until its alerts (with their delivery rows) are stored; also bars × models per second through the alerts, and the time until every evaluation and snapshot is
 * written behind them. The first bar, which builds and warms up every runtime, is measured apart; the bars after it up
 * to the measured ones ({@code -Dalert.benchmark.warm-up-bars=300}) are taken unmeasured, as a long-running service's
 * code is compiled. The benchmark learns that a bar's alerts are stored from PostgreSQL itself: a trigger it adds to
 * the stream table notifies on every mark, and a notification reaches a listener only once the transaction that marked
 * the bar has committed; the benchmark blocks on its own connection for them instead of polling the database (polling
 * every millisecond took a core's share from the service on this 2-core machine). A measurement, run only when asked:
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl alert-service -am install -DskipTests
 * ./mvnw -q -B -ntp -pl alert-service test -Dtest=ThousandModelsBenchmarkTest -Dalert.benchmark=true \
 *     -Dtestinfra.postgres.durable=true [-Dalert.benchmark.models=1000] [-Dalert.benchmark.bars=1000] \
 *     [-Dalert.benchmark.mode=burst|closed] [-Dalert.benchmark.pace-ms=P]
 * </pre>
 */
@EnabledIfSystemProperty(named = "alert.benchmark", matches = "true")
class ThousandModelsBenchmarkTest extends AlertIntegrationTestBase {

    @Autowired
    DataSource dataSource;

    private Connection listener;
    /** Stream marks heard so far: last bar time marked → when its notification arrived (nanoTime). */
    private final TreeMap<Long, Long> marked = new TreeMap<>();

    @Test
    void replayAtFullSpeed() throws Exception {
        int models = Integer.getInteger("alert.benchmark.models", 1000);
        // enough bars that a p99 is one (the 100 bars measured until 2026-12-05 made it the second slowest bar)
        int barsToSend = Integer.getInteger("alert.benchmark.bars", 1000);
        String owner = UUID.randomUUID().toString();
        String replay = "bench-" + UUID.randomUUID();
        String prefix = "pub_bench_" + UUID.randomUUID().toString().substring(0, 6) + "_";
        UPSTREAMS.addTrainedModel(owner, "spy_swing_momentum_v1_trained_001", artifacts);
        double[] thresholds = {0.45, 0.5, 0.55, 0.6, 0.65};
        Object[] hours = {"all_day", List.of(9, 10, 11), List.of(13, 14, 15), List.of(10, 11, 12, 13, 14)};
        for (int i = 0; i < models; i++) {
            Map<String, Object> c = new LinkedHashMap<>(config.toMap());
            c.put("threshold", thresholds[i % thresholds.length]);
            c.put("allowed_hours", hours[(i / 5) % hours.length]);
            c.put("stop_loss_pct", 0.3 + (i % 7) * 0.1);
            c.put("take_profit_pct", 0.4 + (i % 11) * 0.1);
            c.put("time_stop_days", 1 + i % 3);
            c.put("position_size_pct", 2 + i % 9);
            store.upsert(new Publication(prefix + i, owner, "spy_swing_momentum_v1", "spy_swing_momentum_v1_trained_001",
                    "SPY", "5m", "swingsigma", "1.0.0", "momentum_swing", c, "bench " + i, 3, false, 50_000, replay,
                    "alerting"), Instant.now());
        }
        BarSeries b = Spy5m.BARS;
        listenToStreamMarks();
        // from the 200th bar of March, where the models trade (the first 200 bars make no entry above these thresholds)
        int from = marchFrom + 200;
        int to = Math.min(b.size(), from + 1 + barsToSend);
        long pace = Long.getLong("alert.benchmark.pace-ms", 0);
        String mode = System.getProperty("alert.benchmark.mode", pace > 0 ? "paced" : "burst");

        // the first bar builds every runtime (warmed up on the stored history before it); then the bars up to the
        // measured ones, unmeasured, so that the code of a running service is compiled (as a benchmark's warm-up)
        int jit = Math.max(0, Math.min(Integer.getInteger("alert.benchmark.warm-up-bars", 300), from - 1));
        int start = from - jit;
        long w0 = System.nanoTime();
        send(b, start, replay);
        awaitAlertsStored(replay, b.time()[start], Duration.ofMinutes(30));
        double warmUp = (System.nanoTime() - w0) / 1e9;
        for (int t = start + 1; t <= from; t++) {
            send(b, t, replay);
        }
        awaitAlertsStored(replay, b.time()[from], Duration.ofMinutes(30));
        awaitEvaluations(prefix, (long) models * (jit + 1), Duration.ofMinutes(30));
        long alertsBefore = jdbc.sql("select count(*) from alerts where publication_id like ?").param(prefix + "%")
                .query(Long.class).single();

        long[] sentAt = new long[to];
        double[] latencyMs = new double[to - from - 1];
        long t0 = System.nanoTime();
        if (mode.equals("burst")) {
            // maximum speed: every bar published at once, then each bar's alerts awaited
            for (int t = from + 1; t < to; t++) {
                sentAt[t] = System.nanoTime();
                send(b, t, replay);
            }
            for (int t = from + 1; t < to; t++) {
                latencyMs[t - from - 1] = (awaitAlertsStored(replay, b.time()[t], Duration.ofMinutes(10)) - sentAt[t]) / 1e6;
            }
        } else {
            // closed loop: each bar published once the one before has its alerts stored (maximum speed without a queue);
            // paced: one bar every pace ms
            for (int t = from + 1; t < to; t++) {
                long due = mode.equals("closed") ? 0 : t0 + (t - from - 1) * pace * 1_000_000;
                Awaitility.await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> System.nanoTime() >= due);
                sentAt[t] = System.nanoTime();
                send(b, t, replay);
                latencyMs[t - from - 1] = (awaitAlertsStored(replay, b.time()[t], Duration.ofMinutes(10)) - sentAt[t]) / 1e6;
            }
        }
        double alertsSeconds = (System.nanoTime() - t0) / 1e9;
        long evaluationsExpected = (long) models * (to - start);
        awaitEvaluations(prefix, evaluationsExpected, Duration.ofMinutes(30));
        double writtenSeconds = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(latencyMs);
        String line = String.format(Locale.ROOT, "[alert benchmark] %d models, %d bars after the first, %s: from publication"
                        + " to the bar's alerts stored p50 %.1f ms, p99 %.1f ms, max %.1f ms; %.0f bars x models per second"
                        + " through the alerts (%.2f s); every evaluation and snapshot written after %.2f s (%.0f per second);"
                        + " first bar (build and warm up every runtime) %.1f s, then %d bars unmeasured; alerts stored %d;"
                        + " PostgreSQL fsync %s, synchronous_commit %s; collectors %s",
                models, latencyMs.length, mode.equals("burst") ? "maximum speed, every bar published at once"
                        : mode.equals("closed") ? "maximum speed, each bar published when the one before has its alerts"
                        : "one bar every " + pace + " ms",
                latencyMs[latencyMs.length / 2], latencyMs[(int) Math.ceil(latencyMs.length * 0.99) - 1],
                latencyMs[latencyMs.length - 1], (double) models * latencyMs.length / alertsSeconds, alertsSeconds,
                writtenSeconds, (double) models * latencyMs.length / writtenSeconds, warmUp, jit,
                jdbc.sql("select count(*) from alerts where publication_id like ?").param(prefix + "%").query(Long.class).single()
                        - alertsBefore, setting("fsync"), setting("synchronous_commit"),
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
        System.out.println(line);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/alert-benchmark.txt"), line + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        assertThat(latencyMs.length).isPositive();
        listener.close();
        jdbc.sql("drop trigger bench_stream_marked on streams").update();
    }

    /** A trigger on the stream table and a connection of the benchmark's own that listens to it. */
    private void listenToStreamMarks() throws Exception {
        jdbc.sql("create or replace function bench_stream_marked() returns trigger language plpgsql as $$ begin"
                + " perform pg_notify('bench_stream_marked', new.feed || ' ' || (extract(epoch from new.last_bar_time) * 1000)::bigint);"
                + " return new; end $$").update();
        jdbc.sql("create trigger bench_stream_marked after insert or update on streams for each row"
                + " execute function bench_stream_marked()").update();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        listener = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        try (Statement s = listener.createStatement()) {
            s.execute("listen bench_stream_marked");
        }
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(?)").param(name).query(String.class).single();
    }

    private java.util.concurrent.CompletableFuture<?> send(BarSeries b, int t, String replay) throws Exception {
        BarClosed bar = new BarClosed("SPY", "America/New_York", "5m", Instant.ofEpochMilli(b.time()[t]),
                Instant.ofEpochMilli(b.time()[t] + 300_000), b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t],
                "replay", replay, t);
        return sender.send("market.bars.5m", EventCatalog.envelope(UUID.randomUUID(), bar, null, "SPY", Instant.now()));
    }

    /**
     * Waits until the bar's alerts (and those of every bar before it on the replay) are stored, and answers when that
     * became known (nanoTime): the arrival of the first notification of a mark at or after the bar.
     */
    private long awaitAlertsStored(String replay, long barTime, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        PGConnection pg = listener.unwrap(PGConnection.class);
        while (marked.ceilingKey(barTime) == null) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            assertThat(left).as("the mark of bar %s on %s", Instant.ofEpochMilli(barTime), replay).isPositive();
            PGNotification[] heard = pg.getNotifications((int) Math.min(left, Integer.MAX_VALUE));
            long now = System.nanoTime();
            for (PGNotification n : heard == null ? new PGNotification[0] : heard) {
                String[] feedAndBar = n.getParameter().split(" ");
                if (feedAndBar[0].equals(replay)) {
                    marked.putIfAbsent(Long.parseLong(feedAndBar[1]), now);
                }
            }
        }
        return marked.ceilingEntry(barTime).getValue();
    }

    private void awaitEvaluations(String prefix, long count, Duration atMost) {
        Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() ->
                jdbc.sql("select coalesce(sum(bars), 0) from evaluation_blocks where publication_id like ?").param(prefix + "%")
                        .query(Long.class).single() >= count);
    }
}
