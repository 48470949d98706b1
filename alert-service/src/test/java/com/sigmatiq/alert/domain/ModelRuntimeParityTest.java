package com.sigmatiq.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.alert.support.Spy5m;
import com.sigmatiq.engine.backtest.ExitReason;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.Hyperparameters;
import com.sigmatiq.ml.MetaLabelTrainer;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.ml.TrainingReport;
import com.sigmatiq.ml.TrainingRequest;
import com.sigmatiq.ml.TrainingSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parity: a published model fed March 2011's 5-minute SPY bars one at a time (after warming up on January's) makes
 * exactly the BUY and SELL alerts of a backtest of the same configuration with the same trained confidence over the
 * same bars: the same bars, prices and exit reasons. The model is trained on January (as a user would, before
 * publishing) with the booster's own probabilities, so that it lets entries through.
 */
public class ModelRuntimeParityTest {

    static StrategyConfig config;
    static TrainedModel model;
    static TrainingReport report;
    static int marchFrom;

    @BeforeAll
    static void train() {
        BarSeries bars = Spy5m.BARS;
        config = StrategyConfig.resolve(Spy5m.PACK, "momentum_swing", Map.of("threshold", 0.5, "allowed_hours",
                "all_day", "position_size_pct", 10, "stop_loss_pct", 0.4, "take_profit_pct", 0.6, "time_stop_days", 2));
        TrainingRequest request = TrainingRequest.of(config, bars).withRange(LocalDate.of(2011, 1, 3), LocalDate.of(2011, 1, 31))
                .withSettings(TrainingSettings.defaults().withCalibration(TrainingSettings.Calibration.NONE))
                .withHyperparameters(new Hyperparameters(40, 4, 0.1, 0.8, 0.8, 42, 2));
        MetaLabelTrainer.Outcome o = MetaLabelTrainer.train(request);
        model = o.model();
        report = o.report();
        marchFrom = StrategyBacktest.range(bars, SessionClock.of(bars), LocalDate.of(2011, 3, 1), null)[0];
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static Publication publication(int cap) {
        return new Publication("pub_parity", "user-1", "spy_swing_momentum_v1", "spy_swing_momentum_v1_trained_001", "SPY",
                "5m", "swingsigma", "1.0.0", "momentum_swing", config.toMap(), "SPY Momentum", cap, false, 50_000,
                Publication.LIVE, "alerting");
    }

    /** The alerts of March, bar by bar, after January as warm-up. */
    static List<Alert> replay(ModelRuntime runtime, int from, int to) {
        BarSeries b = Spy5m.BARS;
        List<Alert> alerts = new ArrayList<>();
        for (int t = 0; t < to; t++) {
            Bar bar = new Bar(b.time()[t], b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t]);
            if (t < from) {
                runtime.warmUp(bar);
            } else {
                alerts.addAll(runtime.onBar(bar).alerts());
            }
        }
        return alerts;
    }

    /** What the backtest's trades say the alerts must be: "BUY|time|price" and "SELL|time|reason|price". */
    public static List<String> expected(List<Trade> trades, BarSeries b) {
        List<String> out = new ArrayList<>();
        for (Trade t : trades) {
            if (t.exitReason() == ExitReason.END_OF_DATA) {
                out.add("BUY|" + Instant.ofEpochMilli(b.time()[t.entryBar() - 1]) + "|" + ModelRuntime.cents(b.close()[t.entryBar() - 1]));
                continue; // the runtime never reaches an end of data: the position stays open
            }
            out.add("BUY|" + Instant.ofEpochMilli(b.time()[t.entryBar() - 1]) + "|" + ModelRuntime.cents(b.close()[t.entryBar() - 1]));
            if (t.exitReason() == ExitReason.EXIT_SIGNAL) {
                out.add("SELL|" + Instant.ofEpochMilli(b.time()[t.exitBar() - 1]) + "|exit_signal|null");
            } else {
                out.add("SELL|" + Instant.ofEpochMilli(b.time()[t.exitBar()]) + "|" + t.exitReason().id() + "|"
                        + ModelRuntime.cents(t.exitPrice()));
            }
        }
        return out;
    }

    public static List<String> seen(List<Alert> alerts) {
        List<String> out = new ArrayList<>();
        for (Alert a : alerts) {
            Alert.OrderDetails o = a.orderDetails();
            out.add(a.signal().action() == AlertAction.BUY ? "BUY|" + a.timestamp() + "|" + o.entryPrice()
                    : "SELL|" + a.timestamp() + "|" + o.exitReason() + "|" + o.exitPrice());
        }
        return out;
    }

    @Test
    void marchAlertsAreTheBacktestsTradesBarForBar() {
        ModelRuntime runtime = new ModelRuntime(publication(1000), config, model, report.tradeStats(), true);
        List<Alert> alerts = replay(runtime, marchFrom, Spy5m.BARS.size());
        List<Trade> trades = StrategyBacktest.run(config, Spy5m.BARS, marchFrom, Spy5m.BARS.size(), null,
                model.confidence(config.pack()), model.inputNames()).result().trades();

        assertThat(trades.size()).as("the configuration trades in March").isGreaterThan(10);
        assertThat(trades.stream().map(Trade::exitReason).distinct().count()).as("several exit reasons").isGreaterThan(1);
        assertThat(seen(alerts)).containsExactlyElementsOf(expected(trades, Spy5m.BARS));
        // ids are the (model, bar, action) function: unique
        assertThat(alerts.stream().map(Alert::alertId).distinct().count()).isEqualTo(alerts.size());
    }

    @Test
    void savedAndRestoredMidwayContinuesWithTheSameAlerts() {
        ModelRuntime whole = new ModelRuntime(publication(1000), config, model, report.tradeStats(), true);
        List<Alert> all = replay(whole, marchFrom, Spy5m.BARS.size());

        int mid = marchFrom + (Spy5m.BARS.size() - marchFrom) / 2;
        ModelRuntime first = new ModelRuntime(publication(1000), config, model, report.tradeStats(), true);
        List<Alert> before = replay(first, marchFrom, mid);
        ModelRuntime second = new ModelRuntime(publication(1000), config, model, report.tradeStats(), true);
        second.restoreState(first.saveState());
        BarSeries b = Spy5m.BARS;
        // a redelivered bar is ignored
        assertThat(second.onBar(new Bar(b.time()[mid - 1], b.open()[mid - 1], b.high()[mid - 1], b.low()[mid - 1],
                b.close()[mid - 1], b.volume()[mid - 1]))).isNull();
        List<Alert> after = new ArrayList<>();
        for (int t = mid; t < b.size(); t++) {
            after.addAll(second.onBar(new Bar(b.time()[t], b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t])).alerts());
        }
        List<Alert> joined = new ArrayList<>(before);
        joined.addAll(after);
        assertThat(joined).isEqualTo(all);
    }

    @Test
    void theDailyCapStopsEntriesAndTheirExitsFollow() {
        ModelRuntime capped = new ModelRuntime(publication(1), config, model, report.tradeStats(), true);
        List<Alert> alerts = replay(capped, marchFrom, Spy5m.BARS.size());
        Map<LocalDate, Long> buysPerDay = new java.util.TreeMap<>();
        for (Alert a : alerts) {
            if (a.signal().action() == AlertAction.BUY) {
                buysPerDay.merge(LocalDate.ofInstant(a.timestamp(), java.time.ZoneId.of("America/New_York")), 1L, Long::sum);
            }
        }
        assertThat(buysPerDay.values()).allMatch(n -> n == 1);
        // alternate BUY, SELL: never a SELL without its BUY
        for (int i = 0; i < alerts.size(); i++) {
            assertThat(alerts.get(i).signal().action()).isEqualTo(i % 2 == 0 ? AlertAction.BUY : AlertAction.SELL);
        }
        ModelRuntime free = new ModelRuntime(publication(1000), config, model, report.tradeStats(), true);
        assertThat(replay(free, marchFrom, Spy5m.BARS.size()).size()).as("the cap removed entries").isGreaterThan(alerts.size());
    }

    @Test
    void orderDetailsFollowTheDesign() {
        ModelRuntime runtime = new ModelRuntime(publication(1000), config, model, report.tradeStats(), true);
        List<Alert> alerts = replay(runtime, marchFrom, Spy5m.BARS.size());
        Alert buy = alerts.stream().filter(a -> a.signal().action() == AlertAction.BUY).findFirst().orElseThrow();
        Alert.OrderDetails o = buy.orderDetails();
        assertThat(o.orderType()).isEqualTo("limit");
        assertThat(o.timeInForce()).isEqualTo("day");
        assertThat(o.quantity()).isEqualTo((long) Math.floor(50_000 * 0.10 / closeAt(buy.timestamp())));
        assertThat(o.stopLoss()).isEqualTo(ModelRuntime.cents(closeAt(buy.timestamp()) * (1 - 0.004)));
        assertThat(o.takeProfit()).isEqualTo(ModelRuntime.cents(closeAt(buy.timestamp()) * (1 + 0.006)));
        // valid until the session's close (16:00 New York, 21:00 UTC in March before the clocks change)
        assertThat(o.validUntil().atZone(java.time.ZoneId.of("America/New_York")).toLocalTime())
                .isEqualTo(java.time.LocalTime.of(16, 0));
        assertThat(buy.metadata().predictedReturn()).isEqualTo(buy.signal().confidence() * report.tradeStats().avgWinner()
                + (1 - buy.signal().confidence()) * report.tradeStats().avgLoser());
        assertThat(buy.alertId()).startsWith("alert_pub_parity_2011").endsWith("_buy");
    }

    /** What is stored of an evaluation (its numbers and the model's layout, as JSON) reads back as the same document. */
    @Test
    void storedEvaluationsReadBackAsTheSameDocument() {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder()
                .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build();
        ModelRuntime runtime = new ModelRuntime(publication(1000), config, model, report.tradeStats(), true);
        EvaluationLayout layout = json.readValue(json.writeValueAsString(runtime.layout()), EvaluationLayout.class);
        assertThat(layout).usingRecursiveComparison().isEqualTo(runtime.layout());
        BarSeries b = Spy5m.BARS;
        java.util.Set<String> signals = new java.util.HashSet<>();
        int asked = 0;
        for (int t = 0; t < b.size(); t++) {
            Bar bar = new Bar(b.time()[t], b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t]);
            if (t < marchFrom) {
                runtime.warmUp(bar);
                continue;
            }
            ModelRuntime.Step step = runtime.onBar(bar);
            EvaluationLayout.Row r = step.row();
            EvaluationLayout.Row stored = new EvaluationLayout.Row(r.barTime(), r.open(), r.high(), r.low(), r.close(), r.volume(),
                    EvaluationLayout.Row.values(r.valueBytes()), r.signal(), r.confidence(), r.entryScore(), r.hour(), r.hourAllowed());
            assertThat(json.writeValueAsString(layout.evaluation(stored))).isEqualTo(json.writeValueAsString(step.evaluation()));
            signals.add(r.signal());
            asked += r.confidence() == null ? 0 : 1;
        }
        assertThat(signals).as("every signal met").containsExactlyInAnyOrder("BUY", "SELL", "HOLD", "WAIT");
        assertThat(asked).as("bars where the model was asked").isPositive();
        assertThat(runtime.layout().names()).contains("rsi", "momentum_composite");
    }

    private static double closeAt(Instant t) {
        BarSeries b = Spy5m.BARS;
        for (int i = 0; i < b.size(); i++) {
            if (b.time()[i] == t.toEpochMilli()) {
                return b.close()[i];
            }
        }
        throw new AssertionError("no bar at " + t);
    }
}
