package com.sigmatiq.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.backtest.ExitReason;
import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.signal.Signals;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Labels on real data, SPY daily 2000–2019, momentum_swing with 2 bps slippage and 1.00 per order on a 2% size,
 * once with the pack's exits (stop 8%, target 16%, trailing 5%, time stop 10 sessions) and once with tight ones
 * (stop 2%, target 3%, nothing else) so that every exit reason occurs: every sample's trade is re-derived from the
 * raw CSV rows by {@link #walk}, a plain reading of DESIGN §4 written here without the engine's position code. Only
 * the exit-rule column comes from the engine's signal layer. The CSV's dates are the sessions.
 */
class SpyDailyLabelsTest {

    static final Path CSV = TestData.data("market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv");
    static final double SLIPPAGE = 2 / 10_000.0;
    static final double PER_ORDER = 1.0;
    static final double AMOUNT = 0.02 * 100_000;

    /** Exit settings as fractions; 0 = off. */
    record Exits(double stop, double target, double trailing, int timeStopDays) {
    }

    static final Exits PACK_EXITS = new Exits(0.08, 0.16, 0.05, 10);
    static final Exits TIGHT = new Exits(0.02, 0.03, 0, 0);

    static StrategyConfig config;
    static StrategyConfig tightConfig;
    static BarSeries spy;
    static Signals signals;
    static TrainingDataset dataset;
    static TrainingDataset tight;
    static List<String> dates = new ArrayList<>();
    static double[][] rows; // open, high, low, close per CSV row

    @BeforeAll
    static void build() throws IOException {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("position_size_pct", 2);
        overrides.put("commission_per_order", 1);
        config = StrategyConfig.resolve(PackLoader.load(TestData.pack("swingsigma")), "momentum_swing", overrides);
        tightConfig = config.with("stop_loss_pct", 2).with("take_profit_pct", 3).with("trailing_stop_pct", 0)
                .with("time_stop_days", 0);
        spy = BarCsvReader.read(CSV, BarCsvReader.Options.defaults());
        signals = SignalEngine.compile(config).run(spy);
        dataset = TrainingDataset.build(config, spy, LocalDate.of(2000, 1, 1), LocalDate.of(2019, 12, 31),
                DatasetOptions.defaults());
        tight = TrainingDataset.build(tightConfig, spy, LocalDate.of(2000, 1, 1), LocalDate.of(2019, 12, 31),
                DatasetOptions.defaults());
        List<String> lines = Files.readAllLines(CSV);
        assertThat(lines.get(0)).isEqualTo("date,open,high,low,close,volume");
        rows = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            dates.add(f[0]);
            rows[i - 1] = new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4])};
        }
        assertThat(rows.length).isEqualTo(spy.size());
    }

    /** One re-derived trade; {@code exitRow} −1 when it is still open after the last row. */
    record Walk(int exitRow, double entryFill, double exitFill, String reason, double netReturn) {
    }

    /**
     * DESIGN §4 on the CSV rows {@code [0, limit)}: buy at the next row's open plus slippage; stop and target from the
     * fill; on each row (the entry row's open excepted) a gap through the stop, then the target, exits at the open;
     * else a low at the stop exits there (before the target), else a high at the target; else the peak and the
     * trailing stop move for the next row; at the close the last of {@code timeStopDays} sessions (the entry's the
     * first) exits, else an exit rule exits at the next open. Sells pay slippage; 1.00 per order on 2,000 invested.
     */
    static Walk walk(int decisionRow, Exits x, int limit) {
        boolean[] exitRule = signals.exit();
        int entry = decisionRow + 1;
        if (entry >= limit) {
            return new Walk(-1, Double.NaN, Double.NaN, null, Double.NaN);
        }
        double fill = rows[entry][0] * (1 + SLIPPAGE);
        double stop = x.stop() > 0 ? fill * (1 - x.stop()) : Double.NEGATIVE_INFINITY;
        double target = x.target() > 0 ? fill * (1 + x.target()) : Double.POSITIVE_INFINITY;
        double peak = fill;
        boolean trailed = false;
        boolean exitAtOpen = false;
        for (int r = entry; r < limit; r++) {
            double open = rows[r][0];
            double high = rows[r][1];
            double low = rows[r][2];
            double close = rows[r][3];
            String stopReason = trailed ? "trailing_stop" : "stop_loss";
            if (exitAtOpen) {
                return done(r, fill, open, "exit_signal");
            }
            if (r > entry && open <= stop) {
                return done(r, fill, open, stopReason);
            }
            if (r > entry && open >= target) {
                return done(r, fill, open, "take_profit");
            }
            if (low <= stop) {
                return done(r, fill, stop, stopReason);
            }
            if (high >= target) {
                return done(r, fill, target, "take_profit");
            }
            peak = Math.max(peak, high);
            if (x.trailing() > 0 && peak * (1 - x.trailing()) > stop) {
                stop = peak * (1 - x.trailing());
                trailed = true;
            }
            if (x.timeStopDays() > 0 && r - entry + 1 >= x.timeStopDays()) {
                return done(r, fill, close, "time_stop");
            }
            exitAtOpen = exitRule[r];
        }
        return new Walk(-1, fill, Double.NaN, null, Double.NaN);
    }

    static Walk walk(int decisionRow, Exits x) {
        return walk(decisionRow, x, rows.length);
    }

    private static Walk done(int row, double fill, double price, String reason) {
        double sell = price * (1 - SLIPPAGE);
        double shares = AMOUNT / fill;
        double net = (shares * sell - AMOUNT - 2 * PER_ORDER) / AMOUNT;
        return new Walk(row, fill, sell, reason, net);
    }

    private static int row(String date) {
        int i = dates.indexOf(date);
        assertThat(i).as(date).isNotNegative();
        return i;
    }

    @Test
    void barsAreTheCsvRows() {
        for (int i = 0; i < spy.size(); i++) {
            assertThat(LocalDate.ofInstant(Instant.ofEpochMilli(spy.time()[i]), spy.zone())).hasToString(dates.get(i));
            assertThat(spy.open()[i]).isEqualTo(rows[i][0]);
        }
    }

    static Set<ExitReason> checkEverySample(TrainingDataset d, Exits x) {
        Set<ExitReason> seen = EnumSet.noneOf(ExitReason.class);
        assertThat(d.size()).isGreaterThan(300);
        for (int i = 0; i < d.size(); i++) {
            int t = d.decisionBar()[i];
            Walk w = walk(t, x);
            String at = "sample " + i + " decided " + dates.get(t);
            assertThat(d.exitBar()[i]).as(at).isEqualTo(w.exitRow());
            assertThat(d.exitReason(i).id()).as(at).isEqualTo(w.reason());
            assertThat(d.entryPrice()[i]).as(at).isEqualTo(w.entryFill());
            assertThat(d.exitPrice()[i]).as(at).isCloseTo(w.exitFill(), within(1e-12 * w.exitFill()));
            assertThat(d.netReturn()[i]).as(at).isCloseTo(w.netReturn(), within(1e-12));
            assertThat(d.labels()[i]).as(at).isEqualTo(w.netReturn() > 0 ? 1 : 0);
            seen.add(d.exitReason(i));
        }
        assertThat(d.positives()).isBetween(1, d.size() - 1);
        return seen;
    }

    @Test
    void everySampleIsTheTradeTheCsvRowsGive() {
        assertThat(checkEverySample(dataset, PACK_EXITS)).containsExactlyInAnyOrder(ExitReason.TRAILING_STOP,
                ExitReason.TIME_STOP, ExitReason.EXIT_SIGNAL);
        assertThat(checkEverySample(tight, TIGHT)).containsExactlyInAnyOrder(ExitReason.STOP_LOSS,
                ExitReason.TAKE_PROFIT, ExitReason.EXIT_SIGNAL);
        // the exits do not choose the samples
        assertThat(tight.decisionBar()).isEqualTo(dataset.decisionBar());
    }

    @Test
    void samplesAreTheEligibleCandidatesOfTheRange() {
        int from = row("2000-01-03");
        int to = row("2019-12-31") + 1;
        List<Integer> expected = new ArrayList<>();
        for (int t = from; t < to; t++) {
            if (signals.ready()[t] && !signals.exit()[t] && signals.score()[t] >= 0.5) {
                expected.add(t);
            }
        }
        List<Integer> actual = new ArrayList<>();
        for (int d : dataset.decisionBar()) {
            actual.add(d);
        }
        assertThat(dataset.unresolvedCount()).isZero(); // the data runs into 2020: every trade ends
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void labelsByHandFromTheCsv() {
        double shares;
        // 1. decided at the close of 2000-01-03 (entry score 0.75, no exit line); in at 2000-01-04's open 143.5312
        //    plus 2 bps. Stop 8% = 132.08 holds on the entry row (low 139.6406); an exit line holds at 2000-01-04's
        //    close, so out at 2000-01-05's open 139.9375 less 2 bps: a loss, label 0.
        int a = 0;
        assertThat(dates.get(dataset.decisionBar()[a])).isEqualTo("2000-01-03");
        assertThat(signals.score()[row("2000-01-03")]).isEqualTo(0.75);
        assertThat(signals.exit()[row("2000-01-04")]).isTrue();
        assertThat(dates.get(dataset.exitBar()[a])).isEqualTo("2000-01-05");
        assertThat(dataset.entryPrice()[a]).isEqualTo(143.5312 * 1.0002);
        assertThat(dataset.exitPrice()[a]).isEqualTo(139.9375 * 0.9998);
        assertThat(dataset.exitReason(a)).isEqualTo(ExitReason.EXIT_SIGNAL);
        shares = 2000 / (143.5312 * 1.0002);
        assertThat(dataset.netReturn()[a]).isCloseTo((shares * 139.9375 * 0.9998 - 2000 - 2) / 2000, within(1e-12));
        assertThat(dataset.labels()[a]).isZero();

        // 2. decided 2000-01-14, in at 2000-01-18's open 145.3437 (+2 bps = 145.37276874). Highs 146.625 and 147.0
        //    lift the 5% trailing stop to 139.65; the lows (145.1875, 145.0, 143.8125, 144.0625) stay above it; the
        //    exit line holds at 2000-01-21's close: out at 2000-01-24's open 145.6562 (−2 bps = 145.62706876).
        //    Gross +0.175%, minus 2.00 of commissions on 2,000 (0.1%): +0.075%, label 1.
        int b = 1;
        assertThat(dates.get(dataset.decisionBar()[b])).isEqualTo("2000-01-14");
        assertThat(dates.get(dataset.entryBar()[b])).isEqualTo("2000-01-18");
        assertThat(dates.get(dataset.exitBar()[b])).isEqualTo("2000-01-24");
        assertThat(signals.exit()[row("2000-01-20")]).isFalse();
        assertThat(signals.exit()[row("2000-01-21")]).isTrue();
        assertThat(dataset.entryPrice()[b]).isEqualTo(145.3437 * 1.0002);
        assertThat(dataset.exitPrice()[b]).isEqualTo(145.6562 * 0.9998);
        shares = 2000 / (145.3437 * 1.0002);
        double net = (shares * 145.6562 * 0.9998 - 2000 - 2) / 2000;
        assertThat(net).isCloseTo(0.00075, within(0.00001));
        assertThat(dataset.netReturn()[b]).isCloseTo(net, within(1e-12));
        assertThat(dataset.labels()[b]).isOne();

        // 3. decided 2000-01-18 while sample 2's trade is open: its own entry at 2000-01-19's open 145.3125, the same
        //    exit; the two event spans overlap
        int c = 2;
        assertThat(dates.get(dataset.decisionBar()[c])).isEqualTo("2000-01-18");
        assertThat(dataset.entryPrice()[c]).isEqualTo(145.3125 * 1.0002);
        assertThat(dataset.exitBar()[c]).isEqualTo(dataset.exitBar()[b]);

        // 4. tight exits: the same first decision; 2% under the fill is 140.6887, which 2000-01-04's low 139.6406
        //    reaches on the entry row itself: out at the stop level less 2 bps
        assertThat(tight.decisionBar()[0]).isEqualTo(dataset.decisionBar()[0]);
        assertThat(tight.exitReason(0)).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(tight.exitBar()[0]).isEqualTo(row("2000-01-04"));
        assertThat(tight.exitPrice()[0]).isCloseTo(143.5312 * 1.0002 * 0.98 * 0.9998, within(1e-12));
        assertThat(tight.netReturn()[0]).isCloseTo(0.98 * 0.9998 - 1 - 0.001, within(1e-12));

        // 5. the first take-profit of the tight exits: the exit row opens below the target and trades through it
        int p = firstWith(tight, ExitReason.TAKE_PROFIT);
        int e = tight.exitBar()[p];
        double level = tight.entryPrice()[p] * 1.03;
        assertThat(rows[e][0]).isLessThan(level);
        assertThat(rows[e][1]).isGreaterThanOrEqualTo(level);
        for (int r = tight.entryBar()[p]; r < e; r++) {
            assertThat(rows[r][1]).isLessThan(level);
        }
        assertThat(tight.exitPrice()[p]).isCloseTo(level * 0.9998, within(1e-12 * level));
        assertThat(tight.labels()[p]).isOne();

        // 6. the first time stop of the pack's exits: the tenth row from the entry, at its close
        int t = firstWith(dataset, ExitReason.TIME_STOP);
        assertThat(dataset.exitBar()[t] - dataset.entryBar()[t] + 1).isEqualTo(10);
        assertThat(dataset.exitPrice()[t]).isCloseTo(rows[dataset.exitBar()[t]][3] * 0.9998, within(1e-9));
    }

    private static int firstWith(TrainingDataset d, ExitReason reason) {
        for (int i = 0; i < d.size(); i++) {
            if (d.exitReason(i) == reason) {
                return i;
            }
        }
        throw new AssertionError("no sample exits by " + reason);
    }

    @Test
    void tradesStillOpenWhereTheDataEndsAreUnresolved() {
        // cut the data just before the exit row of the last sample of 2019: its trade, and every one still open
        // there, has no exit on the bars the data has (indicators only look back, so earlier values do not change)
        int last = dataset.size() - 1;
        int end = dataset.exitBar()[last];
        BarSeries cut = spy.slice(0, end);
        TrainingDataset d = TrainingDataset.build(config, cut, LocalDate.of(2019, 1, 1), null, DatasetOptions.defaults());
        assertThat(d.unresolvedBars()).contains(dataset.decisionBar()[last]);
        for (int u : d.unresolvedBars()) {
            assertThat(walk(u, PACK_EXITS, end).exitRow()).as(dates.get(u)).isEqualTo(-1);
        }
        for (int i = 0; i < d.size(); i++) {
            Walk w = walk(d.decisionBar()[i], PACK_EXITS, end);
            assertThat(d.exitBar()[i]).isEqualTo(w.exitRow());
            assertThat(d.netReturn()[i]).isCloseTo(w.netReturn(), within(1e-12));
        }
        assertThat(d.size() + d.unresolvedCount()).isEqualTo(candidates(d.from(), cut.size()));
    }

    private static int candidates(int from, int to) {
        int n = 0;
        for (int t = from; t < to; t++) {
            if (signals.ready()[t] && !signals.exit()[t] && signals.score()[t] >= 0.5) {
                n++;
            }
        }
        return n;
    }

    @Test
    void featuresAreThePacksValuesAtTheDecisionCloseAndNaNStaysNaN() {
        var plan = com.sigmatiq.engine.signal.ColumnPlan.of(config.pack(), config.indicatorParams(),
                dataset.schema().packColumns());
        double[][] cols = plan.compute(spy);
        List<String> names = dataset.schema().packColumns();
        for (int i = 0; i < dataset.size(); i++) {
            int t = dataset.decisionBar()[i];
            for (int j = 0; j < names.size(); j++) {
                float expected = (float) cols[plan.symbols().slot(names.get(j))][t];
                assertThat(Float.floatToIntBits(dataset.feature(i, j))).isEqualTo(Float.floatToIntBits(expected));
            }
            assertThat(dataset.feature(i, names.size())).isEqualTo((float) signals.score()[t]);
            assertThat(dataset.feature(i, names.size() + 2))
                    .isEqualTo(LocalDate.parse(dates.get(t)).getDayOfWeek().getValue());
        }
        // from the file's first bars momentum_composite's 100-bar window is still filling: NaN, not 0
        TrainingDataset early = TrainingDataset.build(config, spy, 0, spy.size(), DatasetOptions.defaults());
        int composite = early.schema().indexOf("momentum_composite");
        assertThat(early.decisionBar()[0]).isLessThan(99);
        assertThat(early.feature(0, composite)).isNaN();
    }
}
