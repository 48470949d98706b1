package com.sigmatiq.sweep.domain;

import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarFileException;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.gate.GateThresholds;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.ConfigException;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.engine.sweep.SweepGrid;
import com.sigmatiq.engine.sweep.SweepRunner;
import com.sigmatiq.engine.sweep.SweepSession;
import com.sigmatiq.kit.web.problem.FieldError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A sweep as the engine runs it: the grid and one {@link SweepSession} over the in-sample range (the whole date
 * range without a holdout) plus, with {@code holdout_pct}, one over the newest sessions. Built the same way when a
 * sweep is created (where every failure names a request field) and when a worker or a result page needs it again.
 */
public record SweepWork(SweepGrid grid, BarSeries bars, SweepSession inSample, SweepSession holdout,
                        Map<String, Double> qualityGates) {

    /** The model's configuration under the grid; a failure names {@code model_id}. */
    public static StrategyConfig base(Pack pack, String strategyId, Map<String, Object> overrides) {
        try {
            return StrategyConfig.resolve(pack, strategyId, overrides);
        } catch (ConfigException e) {
            throw new SweepValidationException(FieldError.of("model_id",
                    "the model's configuration does not resolve against its pack: " + e.getMessage()));
        }
    }

    /** The grid; failures name {@code parameters.<key>} (with the valid keys for an unknown one). */
    public static SweepGrid grid(StrategyConfig base, Map<String, List<Object>> parameters) {
        try {
            return SweepGrid.of(base, parameters);
        } catch (ConfigException e) {
            throw new SweepValidationException(new FieldError("parameters." + e.key(), e.getMessage(), e.validChoices()));
        } catch (ArithmeticException e) {
            throw new SweepValidationException(FieldError.of("parameters", "the grid has too many combinations to count"));
        }
    }

    /** Checks quality-gate keys and values; failures name {@code quality_gates}. */
    public static void checkGates(Pack pack, Map<String, Double> gates) {
        try {
            StrategyBacktest.gates(pack.gates(), gates);
        } catch (IllegalArgumentException e) {
            throw new SweepValidationException(new FieldError("quality_gates", e.getMessage(), GateThresholds.KEYS));
        }
    }

    /** Parses market-data-service's CSV (ISO bar-start times in UTC). */
    public static BarSeries bars(byte[] csv, String ticker, Timeframe tf) {
        try {
            return BarCsvReader.read(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8),
                    "bars of " + ticker + " " + tf.label(), new BarCsvReader.Options(ticker, BarSeries.NEW_YORK, ZoneOffset.UTC, false, tf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds the sessions over {@code start..end}; a holdout of {@code holdoutPct} percent of the sessions (at least
     * one) is cut from the newest end. Failures name {@code date_range} or {@code holdout_pct}.
     */
    public static SweepWork of(SweepGrid grid, BarSeries bars, LocalDate start, LocalDate end, Double holdoutPct,
                               Map<String, Double> qualityGates) {
        SessionClock clock = SessionClock.of(bars);
        int[] range;
        try {
            range = StrategyBacktest.range(bars, clock, start, end);
        } catch (IllegalArgumentException e) {
            throw new SweepValidationException(FieldError.of("date_range", e.getMessage()));
        }
        int from = range[0];
        int to = range[1];
        int split = to;
        if (holdoutPct != null) {
            int s0 = clock.session(from);
            int s1 = clock.session(to - 1);
            int sessions = s1 - s0 + 1;
            int hold = Math.max(1, (int) Math.round(sessions * holdoutPct / 100.0));
            if (hold >= sessions) {
                throw new SweepValidationException(FieldError.of("holdout_pct", "a holdout of " + holdoutPct + "% of "
                        + sessions + " sessions leaves no in-sample session"));
            }
            int firstHoldoutSession = s1 - hold + 1;
            split = from;
            while (split < to && clock.session(split) < firstHoldoutSession) {
                split++;
            }
        }
        SweepSession inSample = new SweepSession(new SweepRunner.Request(grid, bars, from, split, qualityGates));
        SweepSession holdout = split < to && holdoutPct != null
                ? new SweepSession(new SweepRunner.Request(grid, bars, split, to, qualityGates)) : null;
        return new SweepWork(grid, bars, inSample, holdout, qualityGates);
    }

    /** Rebuilds a stored sweep's work from its spec and inputs (which validated when it was created). */
    public static SweepWork of(SweepSpec spec, Pack pack, byte[] barsCsv) {
        try {
            StrategyConfig base = base(pack, spec.strategyId(), spec.baseOverrides());
            SweepGrid grid = grid(base, spec.parameters());
            BarSeries bars = bars(barsCsv, spec.ticker(), Timeframe.parse(spec.timeframe()));
            return of(grid, bars, spec.start(), spec.end(), spec.holdoutPct(), spec.qualityGates());
        } catch (SweepValidationException | BarFileException e) {
            throw new IllegalStateException("stored sweep " + spec.id() + " does not rebuild: " + e.getMessage(), e);
        }
    }

    /** First and last session date of the in-sample range and of the holdout. */
    public LocalDate[] dates() {
        SessionClock clock = SessionClock.of(bars);
        SweepRunner.Request in = inSample.request();
        LocalDate[] d = new LocalDate[holdout == null ? 2 : 4];
        d[0] = clock.sessionDate(clock.session(in.from()));
        d[1] = clock.sessionDate(clock.session(in.to() - 1));
        if (holdout != null) {
            d[2] = clock.sessionDate(clock.session(holdout.request().from()));
            d[3] = clock.sessionDate(clock.session(holdout.request().to() - 1));
        }
        return d;
    }
}
