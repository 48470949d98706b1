package com.sigmatiq.alert.domain;

import com.sigmatiq.engine.backtest.Decision;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.ExitReason;
import com.sigmatiq.engine.backtest.StrategyEvaluator;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.expr.SymbolTable;
import com.sigmatiq.engine.pack.FeatureDef;
import com.sigmatiq.engine.pack.IndicatorDef;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.signal.ConfidenceModel;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.ml.TrainingReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One published model at run time: the engine's streaming evaluator of its configuration (DESIGN §4's event order, the
 * backtest's code), whose entries need the trained model's calibrated probability ≥ the threshold, turned into the
 * seed's evaluations (7.1) and alerts (7.2) bar by bar.
 *
 * <ul>
 *   <li><b>BUY</b>: the evaluator decides an entry at a bar's close, and fewer than {@code max_alerts_per_day} BUY
 *       alerts were made in the bar's session. The cap acts through the confidence (a capped bar answers 0), so the
 *       evaluator's position always follows the alerts.</li>
 *   <li><b>SELL</b>: a rule exit decided at a close (sell at the next open), or a bracket exit (stop, target, trailing,
 *       time stop) that happened inside a bar, reported with its fill. Never capped.</li>
 * </ul>
 * A bar whose start is not after the last one's is ignored. {@link #saveState()} holds everything needed to continue.
 * Not thread-safe: one per published model, fed by one thread at a time.
 */
public final class ModelRuntime {

    private static final int STATE_VERSION = 1;

    private final Publication publication;
    private final StrategyConfig config;
    private final TrainingReport.TradeStats stats;
    private final Timeframe timeframe;
    private final ZoneId zone;
    private final StrategyEvaluator evaluator;
    private final SymbolTable symbols;
    private final Map<String, Integer> featureSlots = new LinkedHashMap<>();
    // what an evaluation shows: indicator outputs, then features (their slots, and the layout naming them)
    private final int[] slots;
    private final EvaluationLayout layout;
    private Shown shown;

    // what it remembers
    private long lastBarTime = Long.MIN_VALUE;
    private long buyDay = Long.MIN_VALUE;
    private int buysInDay;
    private long heldQuantity;
    // per bar
    private Double asked;

    public ModelRuntime(Publication publication, StrategyConfig config, TrainedModel model, TrainingReport.TradeStats stats,
                        boolean extendedHours) {
        this.publication = publication;
        this.config = config;
        this.stats = stats;
        this.timeframe = Timeframe.parse(publication.timeframe());
        this.zone = ExchangeCalendar.NEW_YORK;
        Pack pack = config.pack();
        ConfidenceModel trained = model.confidence(pack);
        ConfidenceModel capped = bar -> {
            long day = LocalDate.ofInstant(Instant.ofEpochMilli(bar.time()), zone).toEpochDay();
            double p = trained.confidence(bar);
            asked = p;
            return day == buyDay && buysInDay >= publication.maxAlertsPerDay() ? 0 : p;
        };
        this.evaluator = StrategyEvaluator.streaming(SignalEngine.compile(config, model.inputNames()),
                ExecutionParams.of(config), capped, zone, timeframe, extendedHours);
        this.symbols = pack.symbols();
        List<String> shown = new ArrayList<>();
        for (IndicatorDef d : pack.indicators()) {
            shown.addAll(d.outputNames());
        }
        int indicatorCount = shown.size();
        for (FeatureDef f : pack.features()) {
            featureSlots.put(f.id(), symbols.slot(f.id()));
            shown.add(f.id());
        }
        this.slots = shown.stream().mapToInt(symbols::slot).toArray();
        Object allowedHours = config.allowedHours().toJson();
        @SuppressWarnings("unchecked")
        List<Integer> h = allowedHours instanceof List<?> l ? List.copyOf((List<Integer>) l)
                : timeframe.isDaily() ? null : hoursOf(config);
        this.layout = new EvaluationLayout(publication.ticker(), List.copyOf(shown), indicatorCount, config.threshold(), h,
                stats.avgWinner(), stats.avgLoser(), stats.avgDurationDays());
        this.shown = new Shown(evaluator.signals(), slots);
    }

    /**
     * The values an evaluation shows (indicator outputs, then features), copied from a signal stream once per bar. The
     * runtimes that follow one stream with the same layout read one copy per bar ({@link #shareShown}) instead of one
     * each; a bar's array is never changed after it is made.
     */
    public static final class Shown {
        private final SignalEngine.Stream stream;
        private final int[] slots;
        private long time = Long.MIN_VALUE;
        private double[] values;

        Shown(SignalEngine.Stream stream, int[] slots) {
            this.stream = stream;
            this.slots = slots;
        }

        /**
         * The values at the stream's bar {@code barTime}. Made by the first caller of a bar: a shared instance is called
         * once by its owner before the runtimes that share it read it in parallel.
         */
        public double[] at(long barTime) {
            if (barTime != time || values == null) {
                double[] all = stream.values();
                double[] v = new double[slots.length];
                for (int i = 0; i < slots.length; i++) {
                    v[i] = slots[i] >= 0 && slots[i] < all.length ? all[slots[i]] : Double.NaN;
                }
                values = v;
                time = barTime;
            }
            return values;
        }
    }

    /**
     * What one bar gave: the alerts it made (none, one, or a SELL and a BUY) and its evaluation. The evaluation is
     * built when first asked for, from values copied at the bar (so on any thread, after the runtime moved on): the
     * alerts go out first, the evaluations are written behind them.
     */
    public static final class Step {
        private final EvaluationLayout layout;
        private final Bar bar;
        private final List<Alert> alerts;
        private final EvaluationLayout.Row row;

        private Step(EvaluationLayout layout, Bar bar, List<Alert> alerts, EvaluationLayout.Row row) {
            this.layout = layout;
            this.bar = bar;
            this.alerts = alerts;
            this.row = row;
        }

        public Bar bar() {
            return bar;
        }

        public List<Alert> alerts() {
            return alerts;
        }

        /** BUY, SELL, HOLD or WAIT. */
        public String signal() {
            return row.signal();
        }

        /** The evaluation as stored. */
        public EvaluationLayout.Row row() {
            return row;
        }

        public Evaluation evaluation() {
            return layout.evaluation(row);
        }
    }

    /** Feeds history: indicators run, nothing is decided. False when the bar is not after the last one. */
    public boolean warmUp(Bar b) {
        if (b.time() <= lastBarTime) {
            return false;
        }
        evaluator.warmUp(b.time(), b.open(), b.high(), b.low(), b.close(), b.volume());
        lastBarTime = b.time();
        return true;
    }

    /** Decides on a closed bar; null when the bar is not after the last one (seen already). */
    public Step onBar(Bar b) {
        if (b.time() <= lastBarTime) {
            return null;
        }
        asked = null;
        Decision d = evaluator.onBar(b.time(), b.open(), b.high(), b.low(), b.close(), b.volume());
        lastBarTime = b.time();
        List<Alert> alerts = List.of();
        if (d.exitDecided()) {
            alerts = new ArrayList<>(2);
            alerts.add(sell(b, d, ExitReason.EXIT_SIGNAL, null, features()));
        } else if (d.trade() != null && d.trade().exitReason() != ExitReason.EXIT_SIGNAL) {
            // a bracket exit inside this bar (a rule exit filled at this open was announced at the close before)
            alerts = new ArrayList<>(2);
            alerts.add(sell(b, d, d.trade().exitReason(), d.trade().exitPrice(), features()));
        }
        if (d.entryDecided()) {
            long day = LocalDate.ofInstant(Instant.ofEpochMilli(b.time()), zone).toEpochDay();
            if (day != buyDay) {
                buyDay = day;
                buysInDay = 0;
            }
            buysInDay++;
            if (alerts.isEmpty()) {
                alerts = new ArrayList<>(1);
            }
            alerts.add(buy(b, d, features()));
        }
        double[] values = shown.at(b.time());
        String signal = d.entryDecided() ? "BUY" : !alerts.isEmpty() ? "SELL" : d.inPosition() || d.entryFilled() ? "HOLD" : "WAIT";
        var clock = evaluator.signals();
        return new Step(layout, b, alerts, new EvaluationLayout.Row(b.time(), b.open(), b.high(), b.low(), b.close(),
                b.volume(), values, signal, asked, d.entryScore(), clock.hour(), timeframe.isDaily() || clock.hourAllowed()));
    }

    private Alert buy(Bar b, Decision d, Map<String, Object> features) {
        double price = cents(b.close());
        long quantity = (long) Math.floor(publication.paperEquity() * d.orderFraction() / b.close());
        heldQuantity = quantity;
        Double p = asked;
        var execution = config.pack().policies().execution();
        return new Alert(AlertIds.of(publication.id(), b.time(), AlertAction.BUY), Instant.ofEpochMilli(b.time()),
                publication.id(), publication.ownerId(),
                new Alert.Signal(AlertAction.BUY, "stock", publication.ticker(), p, "immediate"),
                new Alert.OrderDetails(execution.orderType(), quantity, price,
                        config.stopLossPct() > 0 ? cents(b.close() * (1 - config.stopLoss())) : null,
                        config.takeProfitPct() > 0 ? cents(b.close() * (1 + config.takeProfit())) : null,
                        execution.timeInForce(), validUntil(b.time()), null, null),
                metadata(features, p));
    }

    private Alert sell(Bar b, Decision d, ExitReason reason, Double fill, Map<String, Object> features) {
        long quantity = heldQuantity;
        heldQuantity = 0;
        boolean ruleExit = reason == ExitReason.EXIT_SIGNAL;
        return new Alert(AlertIds.of(publication.id(), b.time(), AlertAction.SELL), Instant.ofEpochMilli(b.time()),
                publication.id(), publication.ownerId(),
                new Alert.Signal(AlertAction.SELL, "stock", publication.ticker(), null, "immediate"),
                new Alert.OrderDetails(ruleExit ? "market" : "bracket", quantity, null, null, null,
                        ruleExit ? "opg" : "day", validUntil(b.time()), reason.id(), fill == null ? null : cents(fill)),
                metadata(features, null));
    }

    private Alert.Metadata metadata(Map<String, Object> features, Double p) {
        Map<String, Double> backtest = new LinkedHashMap<>();
        backtest.put("historical_win_rate", stats.winRate());
        backtest.put("avg_return", stats.avgReturn());
        backtest.put("avg_duration", stats.avgDurationDays());
        return new Alert.Metadata(config.strategyId(), config.pack().id(), features, backtest, predictedReturn(p),
                p == null ? null : stats.avgDurationDays());
    }

    private Double predictedReturn(Double p) {
        return layout.predictedReturn(p);
    }

    /** What tells whether two runtimes compute the same signals (see {@link StrategyEvaluator#signalIdentity()}). */
    public String signalIdentity() {
        return evaluator.signalIdentity();
    }

    /** The signal stream's state: equal in two runtimes of one identity, they can share the stream from here on. */
    public byte[] signalState() {
        return evaluator.signalState();
    }

    /** The signal stream this runtime reads. */
    public SignalEngine.Stream signals() {
        return evaluator.signals();
    }

    /**
     * From now on the caller advances {@code shared} to each bar before {@link #onBar} (several runtimes of one
     * strategy and signal configuration compute their indicators, features and rules once).
     */
    public void followSignals(SignalEngine.Stream shared) {
        evaluator.followSignals(shared);
        shown = new Shown(shared, slots);
    }

    /** What its evaluations show, read from the stream it follows. */
    public Shown shown() {
        return shown;
    }

    /**
     * Reads {@code other}'s copy of the shown values from now on, when it is of the stream this runtime follows and of
     * the same layout; false (nothing changes) otherwise.
     */
    public boolean shareShown(Shown other) {
        if (other.stream != evaluator.signals() || !java.util.Arrays.equals(other.slots, slots)) {
            return false;
        }
        shown = other;
        return true;
    }

    /** The names and settings its evaluations share. */
    public EvaluationLayout layout() {
        return layout;
    }

    private static List<Integer> hoursOf(StrategyConfig c) {
        List<Integer> h = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            if (c.allowedHours().allows(i)) {
                h.add(i);
            }
        }
        return h;
    }

    private Map<String, Object> features() {
        double[] values = evaluator.signals().values();
        Map<String, Object> out = new LinkedHashMap<>();
        featureSlots.forEach((name, slot) -> {
            if (slot >= 0 && slot < values.length && !Double.isNaN(values[slot])) {
                out.put(name, values[slot]);
            }
        });
        return out;
    }

    /**
     * The close of the session in which an order decided at this bar's close can execute: this session's when the bar
     * ends before it closes, else the next session's (early closes included).
     */
    Instant validUntil(long barTime) {
        Instant end = Instant.ofEpochMilli(barTime + timeframe.millis());
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(barTime), zone);
        for (int i = 0; i < 10; i++, day = day.plusDays(1)) {
            if (!ExchangeCalendar.NYSE.isSession(day)) {
                continue;
            }
            Instant close = day.atStartOfDay(zone).plusMinutes(ExchangeCalendar.NYSE.closeMinute(day)).toInstant();
            if (end.isBefore(close)) {
                return close;
            }
        }
        throw new IllegalStateException("no NYSE session within ten days of " + Instant.ofEpochMilli(barTime));
    }

    static double cents(double price) {
        return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    public Publication publication() {
        return publication;
    }

    /** Start of the last bar taken (Long.MIN_VALUE before any). */
    public long lastBarTime() {
        return lastBarTime;
    }

    /** Everything this runtime remembers: the evaluator's snapshot, the last bar, the day's BUY count, the position size. */
    public byte[] saveState() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(STATE_VERSION);
            out.writeLong(lastBarTime);
            out.writeLong(buyDay);
            out.writeInt(buysInDay);
            out.writeLong(heldQuantity);
            byte[] ev = evaluator.saveState();
            out.writeInt(ev.length);
            out.write(ev);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Continues from {@link #saveState()} of a runtime of the same publication and configuration. */
    public void restoreState(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int version = in.readInt();
            if (version != STATE_VERSION) {
                throw new IllegalArgumentException("runtime state version " + version + ", expected " + STATE_VERSION);
            }
            lastBarTime = in.readLong();
            buyDay = in.readLong();
            buysInDay = in.readInt();
            heldQuantity = in.readLong();
            byte[] ev = new byte[in.readInt()];
            in.readFully(ev);
            evaluator.restoreState(ev);
        } catch (IOException e) {
            throw new IllegalArgumentException("runtime state does not read: " + e.getMessage(), e);
        }
    }
}
