package com.sigmatiq.alert.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.Bar;
import com.sigmatiq.alert.domain.ModelRuntime;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.support.Spy5m;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.Hyperparameters;
import com.sigmatiq.ml.MetaLabelTrainer;
import com.sigmatiq.ml.TrainingRequest;
import com.sigmatiq.ml.TrainingSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime's hot path without Kafka or PostgreSQL, on one thread, in CPU time (robust to other load on the
 * machine): 1,000 published models of one signal configuration (thresholds, stops, targets, time stops and sizes
 * varied, as in {@code ThousandModelsBenchmarkTest}) sharing one signal stream, fed March 2011's SPY 5-minute bars
 * after January's. Per model and bar: the decision alone ({@code ModelRuntime.onBar}), then with the evaluation row
 * encoded for {@code COPY} and each alert's JSON. Run when asked:
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl alert-service test -Dtest=HotPathBenchmarkTest -Dalert.benchmark=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "alert.benchmark", matches = "true")
class HotPathBenchmarkTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void nanosecondsPerModelAndBar() {
        BarSeries b = Spy5m.BARS;
        StrategyConfig base = StrategyConfig.resolve(Spy5m.PACK, "momentum_swing", Map.of("threshold", 0.5));
        var model = MetaLabelTrainer.train(TrainingRequest.of(base, b).withRange(LocalDate.of(2011, 1, 3), LocalDate.of(2011, 1, 31))
                .withSettings(TrainingSettings.defaults().withCalibration(TrainingSettings.Calibration.NONE))
                .withHyperparameters(new Hyperparameters(40, 4, 0.1, 0.8, 0.8, 42, 2)));
        int march = StrategyBacktest.range(b, SessionClock.of(b), LocalDate.of(2011, 3, 1), null)[0];
        JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        double[] thresholds = {0.45, 0.5, 0.55, 0.6, 0.65};
        int models = Integer.getInteger("alert.benchmark.models", 1000);
        int rounds = Integer.getInteger("alert.benchmark.rounds", 3);
        StringBuilder report = new StringBuilder();
        for (int round = 0; round < rounds; round++) {
            List<ModelRuntime> runtimes = new ArrayList<>();
            for (int i = 0; i < models; i++) {
                Map<String, Object> c = new LinkedHashMap<>(base.toMap());
                c.put("threshold", thresholds[i % thresholds.length]);
                c.put("stop_loss_pct", 0.3 + (i % 7) * 0.1);
                c.put("take_profit_pct", 0.4 + (i % 11) * 0.1);
                c.put("time_stop_days", 1 + i % 3);
                c.put("position_size_pct", 2 + i % 9);
                c.remove("strategy_id");
                StrategyConfig config = StrategyConfig.resolve(Spy5m.PACK, "momentum_swing", c);
                Publication p = new Publication("pub_hot_" + i, "user-1", "m", "t", "SPY", "5m", "swingsigma", "1.0.0",
                        "momentum_swing", config.toMap(), "hot " + i, 1000, false, 50_000, Publication.LIVE, "alerting");
                runtimes.add(new ModelRuntime(p, config, model.model(), model.report().tradeStats(), true));
            }
            SignalEngine.Stream shared = runtimes.get(0).signals();
            for (ModelRuntime r : runtimes) {
                r.followSignals(shared);
                r.shareShown(runtimes.get(0).shown());
            }
            for (int t = 0; t < march; t++) {
                shared.update(b.time()[t], b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t]);
                Bar bar = bar(b, t);
                for (ModelRuntime r : runtimes) {
                    r.warmUp(bar);
                }
            }
            if (round == 0) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                int bytes = 0;
                for (ModelRuntime r : runtimes) {
                    bytes += r.saveState().length;
                }
                System.out.printf(Locale.ROOT, "[alert hot path] a runtime's snapshot: %d bytes, %.0f us to make%n",
                        bytes / models, (THREADS.getCurrentThreadCpuTime() - c0) / 1e3 / models);
            }
            // March, in three thirds: the decision alone, with the row encoded, with the alerts' JSON too
            int third = (b.size() - march) / 3;
            long[] cpu = new long[3];
            long[] alerts = new long[3];
            long modelBars = 0;
            for (int part = 0; part < 3; part++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                // one block per runtime, as the service keeps them, emptied every 128 bars (a snapshot's, by default)
                EvaluationBlocks.Rows[] rows = new EvaluationBlocks.Rows[runtimes.size()];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = new EvaluationBlocks.Rows();
                }
                for (int t = march + part * third; t < march + (part + 1) * third; t++) {
                    shared.update(b.time()[t], b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t]);
                    Bar bar = bar(b, t);
                    runtimes.get(0).shown().at(bar.time());
                    for (int i = 0; i < rows.length; i++) {
                        ModelRuntime r = runtimes.get(i);
                        ModelRuntime.Step step = r.onBar(bar);
                        if (part >= 1) {
                            rows[i].add(r.publication(), step.row());
                            if (rows[i].count() == 128) {
                                rows[i].reset();
                            }
                        }
                        for (Alert a : step.alerts()) {
                            alerts[part]++;
                            if (part == 2) {
                                json.writeValueAsString(a);
                            }
                        }
                    }
                }
                cpu[part] = THREADS.getCurrentThreadCpuTime() - c0;
                modelBars = (long) third * models;
            }
            String line = String.format(Locale.ROOT, "[alert hot path] round %d, %d models x %d bars per part: decision %.0f ns,"
                    + " + evaluation row %.0f ns, + alert JSON %.0f ns per model and bar (CPU time, one thread); alerts %s",
                    round + 1, models, third, (double) cpu[0] / modelBars, (double) cpu[1] / modelBars, (double) cpu[2] / modelBars,
                    java.util.Arrays.toString(alerts));
            report.append(line).append('\n');
            System.out.println(line);
            assertThat(alerts[0] + alerts[1] + alerts[2]).isPositive();
        }
        model.model().close();
    }

    private static Bar bar(BarSeries b, int t) {
        return new Bar(b.time()[t], b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t]);
    }
}
