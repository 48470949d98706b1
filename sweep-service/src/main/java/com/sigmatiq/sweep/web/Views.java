package com.sigmatiq.sweep.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.sweep.SweepGrid;
import com.sigmatiq.sweep.domain.ComboResult;
import com.sigmatiq.sweep.domain.LogEntry;
import com.sigmatiq.sweep.domain.SweepService;
import com.sigmatiq.sweep.domain.SweepSpec;
import com.sigmatiq.sweep.domain.SweepState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The API's answers as records (snake_case on the wire through the application's naming strategy), so that the
 * OpenAPI document describes each of them; field order follows the seed. Sub-objects the engine defines with
 * open-ended keys (metrics, gate results, effective configuration) stay maps.
 */
final class Views {

    private Views() {
    }

    /** The answer to {@code POST /sweeps}. */
    record Created(UUID sweepId, String modelId, long totalCombinations, String status) {
    }

    /** Inclusive session dates. */
    record DateRange(String start, String end) {
    }

    /** Progress: done/total, rate (combinations per second since the start) and the estimated seconds left. */
    record Progress(long done, long total, double percent, Double ratePerSecond, Double etaSeconds) {
    }

    /** A progress event on {@code GET /sweeps/{id}/events}. */
    record ProgressEvent(UUID sweepId, String status, long done, long total, double percent, Double ratePerSecond,
                         Double etaSeconds) {
    }

    record LogLine(Instant timestamp, String status, String message) {
    }

    /** A sweep in a list: what it swept and where it stands, without its grid, progress or log. */
    record SweepSummary(UUID sweepId, String modelId, String sweepType, String tag, String status, DateRange dateRange,
                        long totalCombinations, Instant createdAt, Instant completedAt) {
    }

    /** The answer to {@code GET /sweeps}: the caller's sweeps, newest first. */
    record SweepList(List<SweepSummary> sweeps) {
    }

    /** A sweep with its progress and execution log. */
    record Sweep(UUID sweepId, String modelId, String sweepType, String tag, String status, DateRange dateRange,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Double holdoutPct, Map<String, List<Object>> parameters,
                 Map<String, Double> qualityGates, long totalCombinations, long workUnits, Progress progress,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Long passedGates,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Long failedGates,
                 Instant createdAt, Instant startedAt, Instant completedAt, List<LogLine> executionLog) {
    }

    /** A leaderboard row's holdout figures. */
    record HoldoutRow(double sharpe, @JsonProperty("return") double totalReturn, int trades, double maxDrawdown, String gate) {
    }

    record LeaderboardRow(int rank, long comboId, Map<String, Object> config, double sharpe, Double deflatedSharpe,
                          @JsonProperty("return") double totalReturn, int trades,
                          double maxDrawdown, Double winRate, String gate,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> failedChecks,
                          @JsonInclude(JsonInclude.Include.NON_NULL) HoldoutRow holdout, boolean selectionCheckbox) {
    }

    /** A page of the ranked results. */
    record Leaderboard(UUID sweepId, String modelId, String status, long totalCombinations, long completedCombinations,
                       long passedGates, long failedGates, String sort, String order,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String gate, int page, int size, long totalRows,
                       List<LeaderboardRow> leaderboard) {
    }

    /** A trade of a result, fill prices with slippage, {@code return} a fraction. */
    record TradeView(String entryDate, String exitDate, Instant entryTime, Instant exitTime, double entryPrice,
                     double exitPrice, double shares, double pnl,
                     @JsonProperty("return") double returnFraction, int durationDays,
                     String exitReason) {
    }

    record EquityPoint(String date, double equity) {
    }

    /** The holdout part of a result. */
    record HoldoutResult(DateRange dateRange, Map<String, Object> metrics, Map<String, Object> gateResults,
                         List<TradeView> trades, List<EquityPoint> equityCurve) {
    }

    /** One combination, backtested again on demand: configuration, metrics, gates, trades and equity. */
    record Result(UUID sweepId, long comboId, String modelId, Map<String, Object> config, String configHash,
                  Map<String, Object> effectiveConfig, Map<String, Object> metrics, Map<String, Object> gateResults,
                  DateRange dateRange, List<TradeView> trades, List<EquityPoint> equityCurve,
                  @JsonInclude(JsonInclude.Include.NON_NULL) HoldoutResult holdout) {
    }

    static Created created(SweepState s) {
        return new Created(s.spec().id(), s.spec().modelId(), s.spec().totalCombinations(), s.status().label());
    }

    static SweepList list(List<SweepState> sweeps) {
        List<SweepSummary> out = new ArrayList<>(sweeps.size());
        for (SweepState s : sweeps) {
            SweepSpec spec = s.spec();
            out.add(new SweepSummary(spec.id(), spec.modelId(), spec.sweepType(), spec.tag(), s.status().label(),
                    new DateRange(spec.start().toString(), spec.end().toString()), spec.totalCombinations(), s.createdAt(),
                    s.completedAt()));
        }
        return new SweepList(out);
    }

    static Sweep sweep(SweepState s, List<LogEntry> log, Instant now) {
        SweepSpec spec = s.spec();
        List<LogLine> entries = new ArrayList<>(log.size());
        for (LogEntry e : log) {
            entries.add(new LogLine(e.timestamp(), e.status(), e.message()));
        }
        return new Sweep(spec.id(), spec.modelId(), spec.sweepType(), spec.tag(), s.status().label(),
                new DateRange(spec.start().toString(), spec.end().toString()), spec.holdoutPct(), spec.parameters(),
                spec.qualityGates(), spec.totalCombinations(), spec.units(), progress(s, now), s.passed(),
                s.passed() == null ? null : s.done() - s.passed(), s.createdAt(), s.startedAt(), s.completedAt(), entries);
    }

    static Progress progress(SweepState s, Instant now) {
        long total = s.spec().totalCombinations();
        Double rate = null;
        Double eta = null;
        if (s.startedAt() != null && s.done() > 0) {
            Instant until = s.completedAt() != null ? s.completedAt() : now;
            double seconds = Math.max(0.001, Duration.between(s.startedAt(), until).toMillis() / 1000.0);
            rate = Math.round(s.done() / seconds * 10) / 10.0;
            eta = s.status().terminal() ? 0.0 : Math.round((total - s.done()) / (s.done() / seconds) * 10) / 10.0;
        }
        return new Progress(s.done(), total, total == 0 ? 100.0 : Math.round(1000.0 * s.done() / total) / 10.0, rate, eta);
    }

    static ProgressEvent progressEvent(SweepState s, Instant now) {
        Progress p = progress(s, now);
        return new ProgressEvent(s.spec().id(), s.status().label(), p.done(), p.total(), p.percent(), p.ratePerSecond(),
                p.etaSeconds());
    }

    static Leaderboard leaderboard(SweepService.Leaderboard lb, String sort, String order, String gate, int page, int size) {
        SweepState s = lb.sweep();
        SweepGrid grid = lb.grid();
        List<LeaderboardRow> rows = new ArrayList<>();
        int rank = page * size;
        for (ComboResult r : lb.rows()) {
            HoldoutRow h = r.holdout() == null ? null : new HoldoutRow(r.holdout().sharpe(), r.holdout().totalReturn(),
                    r.holdout().totalTrades(), r.holdout().maxDrawdown(), r.holdout().gatePass() ? "PASS" : "FAIL");
            rows.add(new LeaderboardRow(++rank, r.comboId(), grid.values(r.comboId()), r.sharpe(), r.deflatedSharpe(),
                    r.totalReturn(), r.totalTrades(), r.maxDrawdown(), r.winRate(), r.gatePass() ? "PASS" : "FAIL",
                    r.failedChecks().isEmpty() ? null : List.of(r.failedChecks().split(",")), h, false));
        }
        return new Leaderboard(s.spec().id(), s.spec().modelId(), s.status().label(), s.spec().totalCombinations(),
                lb.counts().stored(), lb.counts().passed(), lb.counts().failed(), sort, order, gate, page, size,
                lb.counts().matching(), rows);
    }

    static Result result(SweepService.ResultDetail d) {
        SweepSpec spec = d.sweep().spec();
        ComboResult stored = d.stored();
        Map<String, Object> config = new LinkedHashMap<>(d.grid().values(stored.comboId()));
        spec.baseOverrides().forEach(config::putIfAbsent);
        HoldoutResult holdout = d.holdout() == null ? null : new HoldoutResult(dates(d.holdout()),
                d.holdout().result().metrics().toMap(), d.holdout().verdict().toMap(), trades(d.holdout().result()),
                equity(d.holdout().result()));
        return new Result(spec.id(), stored.comboId(), spec.modelId(), config, d.configHash(), d.report().config().toMap(),
                d.report().result().metrics().withDeflatedSharpeRatio(stored.deflatedSharpe()).toMap(),
                d.report().verdict().toMap(), dates(d.report()), trades(d.report().result()), equity(d.report().result()),
                holdout);
    }

    private static DateRange dates(StrategyBacktest.Report r) {
        long[] days = r.result().sessionEpochDays();
        return new DateRange(days.length == 0 ? null : LocalDate.ofEpochDay(days[0]).toString(),
                days.length == 0 ? null : LocalDate.ofEpochDay(days[days.length - 1]).toString());
    }

    private static List<TradeView> trades(BacktestResult r) {
        List<TradeView> out = new ArrayList<>(r.trades().size());
        for (Trade t : r.trades()) {
            out.add(new TradeView(Instant.ofEpochMilli(t.entryTime()).atZone(BarSeries.NEW_YORK).toLocalDate().toString(),
                    Instant.ofEpochMilli(t.exitTime()).atZone(BarSeries.NEW_YORK).toLocalDate().toString(),
                    Instant.ofEpochMilli(t.entryTime()), Instant.ofEpochMilli(t.exitTime()), t.entryPrice(), t.exitPrice(),
                    t.shares(), t.pnl(), t.returnFraction(), t.durationDays(), t.exitReason().name().toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    private static List<EquityPoint> equity(BacktestResult r) {
        long[] days = r.sessionEpochDays();
        double[] eq = r.dailyEquity();
        List<EquityPoint> out = new ArrayList<>(days.length);
        for (int i = 0; i < days.length; i++) {
            out.add(new EquityPoint(LocalDate.ofEpochDay(days[i]).toString(), eq[i]));
        }
        return out;
    }
}
