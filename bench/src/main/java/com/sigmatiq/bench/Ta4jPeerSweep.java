package com.sigmatiq.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Rule;
import org.ta4j.core.Strategy;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BacktestExecutor;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import org.ta4j.core.reports.PositionStatsReport;
import org.ta4j.core.reports.TradingStatement;
import org.ta4j.core.reports.TradingStatementGenerator;
import org.ta4j.core.rules.AbstractRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.StopLossRule;
import org.ta4j.core.rules.TrailingStopLossRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * Peer measurement: the "momentum_swing" strategy grid expressed in ta4j 0.17, run through ta4j's own
 * {@link BacktestExecutor} with indicators built once per RSI period and shared by every strategy.
 *
 * <p>Depends only on the JDK and {@code org.ta4j:ta4j-core:0.17} (plus its transitive slf4j-api).
 *
 * <p>Mapping of the strategy onto ta4j 0.17:
 * <ul>
 *   <li>Series: {@code BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class)}, 1-minute {@link BaseBar}s whose
 *       end time is {@code start + 1 min} in America/New_York (so {@code getBeginTime()} is the exchange-local bar start).</li>
 *   <li>Indicators: {@link RSIIndicator}(close, rsi_period); {@link MACDIndicator}(close, 12, 26) and its
 *       {@code getSignalLine(9)} (an {@link EMAIndicator} of the MACD line); {@link ADXIndicator}(series, 14);
 *       {@link EMAIndicator}(close, 20). Built once per run (RSI once per distinct rsi_period) and shared.</li>
 *   <li>Entry lines are ta4j rules: {@code Over(rsi,50) AND Under(rsi,70)}, {@code Over(macd,signal)},
 *       {@code Over(adx,25)}, {@code Over(close,ema20)}; {@link EntryScoreRule} counts how many hold.</li>
 *   <li>Signal exit: {@code Over(rsi,70) OR Under(rsi,30) OR NOT Over(macd,signal) OR Under(close,ema20)}.</li>
 *   <li>Entry = {@link SessionHoursRule} AND {@link EntryScoreRule} AND NOT signal-exit (ta4j only evaluates the
 *       entry rule while flat, and only the exit rule while in a position: long only, one position at a time).</li>
 *   <li>Exit = signal-exit OR {@link StopLossRule} OR {@link StopGainRule} OR {@link TrailingStopLossRule}
 *       (all three percent-based, evaluated on the bar close; the trailing peak is the highest close since entry).</li>
 *   <li>Execution: {@link TradeOnNextOpenModel} (signal at bar i's close, fill at bar i+1's open), zero costs.</li>
 *   <li>position_size_pct: no-op (ta4j trade timing does not depend on it; every trade is for amount 1).</li>
 * </ul>
 */
public final class Ta4jPeerSweep {

    public static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
    /** Regular session start/end in minutes after local midnight: [09:30, 16:00). */
    static final int SESSION_OPEN_MIN = 9 * 60 + 30;
    static final int SESSION_CLOSE_MIN = 16 * 60;

    public static final double[] THRESHOLDS = {0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75};
    public static final int[][] ALLOWED_HOURS = {
            {9, 10}, {9, 10, 11}, {13, 14, 15}, {14, 15, 16}, {9, 10, 11, 12, 13, 14, 15} /* all_day */};
    public static final double[] POSITION_SIZE_PCT = {1, 2, 3, 4, 5};
    public static final int[] RSI_PERIODS = {14, 21, 28};
    public static final double[] STOP_LOSS_PCT = {4, 6, 8, 10};
    public static final double[] TAKE_PROFIT_PCT = {12, 16, 20};
    public static final double[] TRAILING_STOP_PCT = {3, 5, 7};

    private Ta4jPeerSweep() {
    }

    public record Combo(double threshold, int hoursMask /* bit h = hour h allowed */, double positionSizePct,
                        int rsiPeriod, double stopLossPct, double takeProfitPct, double trailingStopPct) {
    }

    public record Result(int combos, long bars, double seconds, int totalTrades) {
        public double comboBarsPerSecond() {
            return combos * (double) bars / seconds;
        }
    }

    /**
     * Builds the ta4j series once (not timed), then times building + running all strategies through ta4j's
     * BacktestExecutor (which runs them on {@code List.parallelStream()}, i.e. the common ForkJoinPool).
     */
    public static Result run(long[] startMillis, double[] open, double[] high, double[] low, double[] close,
                             double[] volume, List<Combo> combos) {
        Objects.requireNonNull(combos, "combos");
        BarSeries series = buildSeries(startMillis, open, high, low, close, volume);

        long t0 = System.nanoTime();
        List<Strategy> strategies = buildStrategies(series, combos);
        BacktestExecutor executor = new BacktestExecutor(series, new TradingStatementGenerator(),
                new ZeroCostModel(), new ZeroCostModel(), new TradeOnNextOpenModel());
        List<TradingStatement> statements = executor.execute(strategies, series.numOf(1), Trade.TradeType.BUY);
        long t1 = System.nanoTime();

        int totalTrades = 0;
        for (TradingStatement st : statements) {
            totalTrades += closedPositions(st);
        }
        return new Result(combos.size(), series.getBarCount(), (t1 - t0) / 1e9, totalTrades);
    }

    /**
     * The full grid in order (threshold slowest ... trailing_stop_pct fastest). NOTE: the value lists as specified
     * multiply to 7*5*5*3*4*3*3 = 18,900 combinations (the brief that asked for this file said 37,800).
     */
    public static List<Combo> customGrid() {
        List<Combo> grid = new ArrayList<>(18_900);
        for (double threshold : THRESHOLDS) {
            for (int[] hours : ALLOWED_HOURS) {
                int mask = 0;
                for (int h : hours) {
                    mask |= 1 << h;
                }
                for (double size : POSITION_SIZE_PCT) {
                    for (int rsi : RSI_PERIODS) {
                        for (double sl : STOP_LOSS_PCT) {
                            for (double tp : TAKE_PROFIT_PCT) {
                                for (double trail : TRAILING_STOP_PCT) {
                                    grid.add(new Combo(threshold, mask, size, rsi, sl, tp, trail));
                                }
                            }
                        }
                    }
                }
            }
        }
        return grid;
    }

    /** Every k-th combination of {@link #customGrid()}, starting with the first (k = 10 gives 1,890; k = 5 gives 3,780). */
    public static List<Combo> everyKth(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        List<Combo> grid = customGrid();
        List<Combo> out = new ArrayList<>(grid.size() / k + 1);
        for (int i = 0; i < grid.size(); i += k) {
            out.add(grid.get(i));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Series

    /** One DoubleNum BaseBarSeries of 1-minute bars; bar end = start + 1 min, zoned America/New_York. */
    static BarSeries buildSeries(long[] startMillis, double[] open, double[] high, double[] low, double[] close,
                                 double[] volume) {
        int n = startMillis.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("bar arrays must all have the same length");
        }
        BarSeries series = new BaseBarSeriesBuilder().withName("SPY_1min").withNumTypeOf(DoubleNum.class).build();
        Duration period = Duration.ofMinutes(1);
        Num zero = series.zero();
        for (int i = 0; i < n; i++) {
            ZonedDateTime end = Instant.ofEpochMilli(startMillis[i]).plus(period).atZone(EXCHANGE_ZONE);
            series.addBar(new BaseBar(period, end, series.numOf(open[i]), series.numOf(high[i]),
                    series.numOf(low[i]), series.numOf(close[i]), series.numOf(volume[i]), zero));
        }
        return series;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Strategies

    /** Indicators (and the rules made only of indicators) shared by every strategy with the same rsi_period. */
    private static final class SharedSignals {
        final Rule[] entryLines;
        final Rule signalExit;

        SharedSignals(ClosePriceIndicator closeInd, EMAIndicator ema20, MACDIndicator macd, EMAIndicator signal,
                      ADXIndicator adx, RSIIndicator rsi) {
            Rule macdAbove = new OverIndicatorRule(macd, signal);
            this.entryLines = new Rule[]{
                    new OverIndicatorRule(rsi, 50).and(new UnderIndicatorRule(rsi, 70)),
                    macdAbove,
                    new OverIndicatorRule(adx, 25),
                    new OverIndicatorRule(closeInd, ema20)};
            this.signalExit = new OverIndicatorRule(rsi, 70)
                    .or(new UnderIndicatorRule(rsi, 30))
                    .or(macdAbove.negation())
                    .or(new UnderIndicatorRule(closeInd, ema20));
        }
    }

    static List<Strategy> buildStrategies(BarSeries series, List<Combo> combos) {
        ClosePriceIndicator closeInd = new ClosePriceIndicator(series);
        EMAIndicator ema20 = new EMAIndicator(closeInd, 20);
        MACDIndicator macd = new MACDIndicator(closeInd, 12, 26);
        EMAIndicator signal = macd.getSignalLine(9);
        ADXIndicator adx = new ADXIndicator(series, 14);

        Map<Integer, SharedSignals> byRsi = new HashMap<>();
        Map<Integer, Rule> sessionByMask = new HashMap<>();
        List<Strategy> strategies = new ArrayList<>(combos.size());
        int idx = 0;
        for (Combo c : combos) {
            SharedSignals s = byRsi.computeIfAbsent(c.rsiPeriod(),
                    p -> new SharedSignals(closeInd, ema20, macd, signal, adx, new RSIIndicator(closeInd, p)));
            Rule session = sessionByMask.computeIfAbsent(c.hoursMask(), m -> new SessionHoursRule(series, m));

            // Cheapest test first: ta4j's AndRule/OrRule short-circuit.
            Rule entry = session
                    .and(new EntryScoreRule(s.entryLines, c.threshold()))
                    .and(s.signalExit.negation());
            Rule exit = s.signalExit
                    .or(new StopLossRule(closeInd, c.stopLossPct()))
                    .or(new StopGainRule(closeInd, c.takeProfitPct()))
                    .or(new TrailingStopLossRule(closeInd, series.numOf(c.trailingStopPct())));
            // position_size_pct is a no-op for the peer: it does not change ta4j's trade timing.
            strategies.add(new BaseStrategy("momentum_swing#" + idx++, entry, exit, unstableBars(c.rsiPeriod())));
        }
        return strategies;
    }

    /**
     * Bars before every indicator has its TA-Lib lookback are unstable (no entry): MACD signal 26+9-2 = 33,
     * ADX(14) 2*14-1 = 27, EMA(20) 19, RSI(p) p.
     */
    static int unstableBars(int rsiPeriod) {
        return Math.max(33, rsiPeriod);
    }

    private static int closedPositions(TradingStatement st) {
        PositionStatsReport r = st.getPositionStatsReport();
        return r.getProfitCount().intValue() + r.getLossCount().intValue() + r.getBreakEvenCount().intValue();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Custom rules

    /** Entry score = (number of entry lines true) / 4; satisfied when score >= threshold. */
    static final class EntryScoreRule extends AbstractRule {
        private final Rule[] lines;
        private final double threshold;

        EntryScoreRule(Rule[] lines, double threshold) {
            this.lines = lines;
            this.threshold = threshold;
        }

        @Override
        public boolean isSatisfied(int index, TradingRecord tradingRecord) {
            int count = 0;
            for (Rule line : lines) {
                if (line.isSatisfied(index, tradingRecord)) {
                    count++;
                }
            }
            boolean satisfied = count / (double) lines.length >= threshold;
            traceIsSatisfied(index, satisfied);
            return satisfied;
        }
    }

    /**
     * The bar's exchange-local start hour is in the allowed set (bit h of {@code hoursMask}) and the bar starts
     * inside the regular session [09:30, 16:00) New York time. Reads the bar's own begin time.
     */
    static final class SessionHoursRule extends AbstractRule {
        private final BarSeries series;
        private final int hoursMask;

        SessionHoursRule(BarSeries series, int hoursMask) {
            this.series = series;
            this.hoursMask = hoursMask;
        }

        @Override
        public boolean isSatisfied(int index, TradingRecord tradingRecord) {
            ZonedDateTime start = series.getBar(index).getBeginTime(); // zoned America/New_York
            int hour = start.getHour();
            int minuteOfDay = hour * 60 + start.getMinute();
            boolean satisfied = (hoursMask & (1 << hour)) != 0
                    && minuteOfDay >= SESSION_OPEN_MIN && minuteOfDay < SESSION_CLOSE_MIN;
            traceIsSatisfied(index, satisfied);
            return satisfied;
        }
    }
}
