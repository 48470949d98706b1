package com.sigmatiq.engine.run;

import com.sigmatiq.engine.strategy.StrategyConfig;

import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Backtester;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.SignalColumns;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.gate.GateEvaluator;
import com.sigmatiq.engine.gate.GateInputs;
import com.sigmatiq.engine.gate.GateThresholds;
import com.sigmatiq.engine.gate.GateVerdict;
import com.sigmatiq.engine.pack.PackGates;
import com.sigmatiq.engine.signal.ConfidenceModel;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.signal.Signals;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain path: one configuration, one backtest — signals, the simulator, metrics and the gate
 * verdict. Sweeps use a faster path that must give the same trades and metrics as this one.
 */
public final class StrategyBacktest {

    /** A backtest and its verdict. */
    public record Report(StrategyConfig config, BacktestResult result, GateVerdict verdict, int from, int to) {
    }

    private StrategyBacktest() {
    }

    /** Simulator settings of a configuration (fractions inside; Kelly sizing unless a position size is set). */
    public static ExecutionParams executionParams(StrategyConfig c) {
        return ExecutionParams.of(c);
    }

    /** The pack's gates with a sweep's {@code quality_gates} (pack units, e.g. 25 for 25%) over them. */
    public static GateThresholds gates(PackGates pack, Map<String, Double> qualityOverrides) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("quality", pack.quality());
        sections.put("execution", pack.execution());
        sections.put("risk", pack.risk());
        GateThresholds g = GateThresholds.fromPack(sections);
        return qualityOverrides == null || qualityOverrides.isEmpty() ? g : g.withOverrides(qualityOverrides);
    }

    /**
     * Bar index range {@code [from, to)} of the sessions dated {@code start..end} (inclusive; null = open end).
     *
     * @throws IllegalArgumentException when no bar falls in the range
     */
    public static int[] range(BarSeries bars, SessionClock clock, LocalDate start, LocalDate end) {
        int from = 0;
        while (from < bars.size() && start != null && clock.sessionDate(clock.session(from)).isBefore(start)) {
            from++;
        }
        int to = from;
        while (to < bars.size() && (end == null || !clock.sessionDate(clock.session(to)).isAfter(end))) {
            to++;
        }
        if (to <= from) {
            throw new IllegalArgumentException("no bars between " + start + " and " + end + "; the data covers "
                    + clock.sessionDate(0) + " to " + clock.sessionDate(clock.sessionCount() - 1));
        }
        return new int[] {from, to};
    }

    /** Backtests {@code config} on the bars of {@code [from, to)} (earlier bars only warm indicators up). */
    public static Report run(StrategyConfig config, BarSeries bars, int from, int to, Map<String, Double> qualityGates) {
        return run(config, bars, from, to, qualityGates, ConfidenceModel.ENTRY_SCORE, List.of());
    }

    /**
     * Backtests {@code config} with entries whose confidence comes from {@code model} (a trained model's calibrated
     * probability, DESIGN §6), which reads the pack names {@code modelNames} at each candidate bar's close.
     */
    public static Report run(StrategyConfig config, BarSeries bars, int from, int to, Map<String, Double> qualityGates,
                             ConfidenceModel model, Collection<String> modelNames) {
        SessionClock clock = SessionClock.of(bars);
        SignalEngine engine = SignalEngine.compile(config, modelNames);
        double[][] columns = engine.plan().compute(bars);
        Signals signals = engine.run(bars, columns, clock);
        ExecutionParams p = executionParams(config);
        BacktestResult result = Backtester.run(bars, clock, SignalColumns.of(signals, bars, columns, clock, model), from, to, p);
        GateVerdict verdict = GateEvaluator.evaluate(gates(config.pack().gates(), qualityGates),
                GateInputs.of(result, bars, clock, from, to, p, List.of()));
        return new Report(config, result, verdict, from, to);
    }
}
