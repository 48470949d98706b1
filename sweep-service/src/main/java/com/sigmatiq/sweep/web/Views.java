package com.sigmatiq.sweep.web;

import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.metrics.Metrics;
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
import java.util.Map;

/** JSON shapes of the API, built as ordered maps so the field order follows the seed. */
final class Views {

    private Views() {
    }

    static Map<String, Object> created(SweepState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep_id", s.spec().id());
        m.put("model_id", s.spec().modelId());
        m.put("total_combinations", s.spec().totalCombinations());
        m.put("status", s.status().label());
        return m;
    }

    static Map<String, Object> sweep(SweepState s, List<LogEntry> log, Instant now) {
        SweepSpec spec = s.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep_id", spec.id());
        m.put("model_id", spec.modelId());
        m.put("sweep_type", spec.sweepType());
        m.put("tag", spec.tag());
        m.put("status", s.status().label());
        m.put("date_range", Map.of("start", spec.start().toString(), "end", spec.end().toString()));
        if (spec.holdoutPct() != null) {
            m.put("holdout_pct", spec.holdoutPct());
        }
        m.put("parameters", spec.parameters());
        m.put("quality_gates", spec.qualityGates());
        m.put("total_combinations", spec.totalCombinations());
        m.put("work_units", spec.units());
        m.put("progress", progress(s, now));
        if (s.passed() != null) {
            m.put("passed_gates", s.passed());
            m.put("failed_gates", s.done() - s.passed());
        }
        m.put("created_at", s.createdAt());
        m.put("started_at", s.startedAt());
        m.put("completed_at", s.completedAt());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (LogEntry e : log) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("timestamp", e.timestamp());
            l.put("status", e.status());
            l.put("message", e.message());
            entries.add(l);
        }
        m.put("execution_log", entries);
        return m;
    }

    /** done/total, rate (combinations per second since the start) and the estimated seconds left. */
    static Map<String, Object> progress(SweepState s, Instant now) {
        long total = s.spec().totalCombinations();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("done", s.done());
        p.put("total", total);
        p.put("percent", total == 0 ? 100.0 : Math.round(1000.0 * s.done() / total) / 10.0);
        Double rate = null;
        Double eta = null;
        if (s.startedAt() != null && s.done() > 0) {
            Instant until = s.completedAt() != null ? s.completedAt() : now;
            double seconds = Math.max(0.001, Duration.between(s.startedAt(), until).toMillis() / 1000.0);
            rate = Math.round(s.done() / seconds * 10) / 10.0;
            eta = s.status().terminal() ? 0.0 : Math.round((total - s.done()) / (s.done() / seconds) * 10) / 10.0;
        }
        p.put("rate_per_second", rate);
        p.put("eta_seconds", eta);
        return p;
    }

    static Map<String, Object> progressEvent(SweepState s, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep_id", s.spec().id());
        m.put("status", s.status().label());
        m.putAll(progress(s, now));
        return m;
    }

    static Map<String, Object> leaderboard(SweepService.Leaderboard lb, String sort, String order, String gate, int page, int size) {
        SweepState s = lb.sweep();
        SweepGrid grid = lb.grid();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep_id", s.spec().id());
        m.put("model_id", s.spec().modelId());
        m.put("status", s.status().label());
        m.put("total_combinations", s.spec().totalCombinations());
        m.put("completed_combinations", lb.counts().stored());
        m.put("passed_gates", lb.counts().passed());
        m.put("failed_gates", lb.counts().failed());
        m.put("sort", sort);
        m.put("order", order);
        if (gate != null) {
            m.put("gate", gate);
        }
        m.put("page", page);
        m.put("size", size);
        m.put("total_rows", lb.counts().matching());
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = page * size;
        for (ComboResult r : lb.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", ++rank);
            row.put("combo_id", r.comboId());
            row.put("config", grid.values(r.comboId()));
            row.put("sharpe", r.sharpe());
            row.put("deflated_sharpe", r.deflatedSharpe());
            row.put("return", r.totalReturn());
            row.put("trades", r.totalTrades());
            row.put("max_drawdown", r.maxDrawdown());
            row.put("win_rate", r.winRate());
            row.put("gate", r.gatePass() ? "PASS" : "FAIL");
            if (!r.failedChecks().isEmpty()) {
                row.put("failed_checks", List.of(r.failedChecks().split(",")));
            }
            if (r.holdout() != null) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("sharpe", r.holdout().sharpe());
                h.put("return", r.holdout().totalReturn());
                h.put("trades", r.holdout().totalTrades());
                h.put("max_drawdown", r.holdout().maxDrawdown());
                h.put("gate", r.holdout().gatePass() ? "PASS" : "FAIL");
                row.put("holdout", h);
            }
            row.put("selection_checkbox", false);
            rows.add(row);
        }
        m.put("leaderboard", rows);
        return m;
    }

    static Map<String, Object> result(SweepService.ResultDetail d) {
        SweepSpec spec = d.sweep().spec();
        ComboResult stored = d.stored();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep_id", spec.id());
        m.put("combo_id", stored.comboId());
        m.put("model_id", spec.modelId());
        Map<String, Object> config = new LinkedHashMap<>(d.grid().values(stored.comboId()));
        spec.baseOverrides().forEach(config::putIfAbsent);
        m.put("config", config);
        m.put("config_hash", d.configHash());
        m.put("effective_config", d.report().config().toMap());
        Metrics metrics = d.report().result().metrics().withDeflatedSharpeRatio(stored.deflatedSharpe());
        m.put("metrics", metrics.toMap());
        m.put("gate_results", d.report().verdict().toMap());
        m.put("date_range", dates(d.report()));
        m.put("trades", trades(d.report().result()));
        m.put("equity_curve", equity(d.report().result()));
        if (d.holdout() != null) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("date_range", dates(d.holdout()));
            h.put("metrics", d.holdout().result().metrics().toMap());
            h.put("gate_results", d.holdout().verdict().toMap());
            h.put("trades", trades(d.holdout().result()));
            h.put("equity_curve", equity(d.holdout().result()));
            m.put("holdout", h);
        }
        return m;
    }

    private static Map<String, Object> dates(StrategyBacktest.Report r) {
        long[] days = r.result().sessionEpochDays();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", days.length == 0 ? null : LocalDate.ofEpochDay(days[0]).toString());
        m.put("end", days.length == 0 ? null : LocalDate.ofEpochDay(days[days.length - 1]).toString());
        return m;
    }

    private static List<Map<String, Object>> trades(BacktestResult r) {
        List<Map<String, Object>> out = new ArrayList<>(r.trades().size());
        for (Trade t : r.trades()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entry_date", Instant.ofEpochMilli(t.entryTime()).atZone(BarSeries.NEW_YORK).toLocalDate().toString());
            m.put("exit_date", Instant.ofEpochMilli(t.exitTime()).atZone(BarSeries.NEW_YORK).toLocalDate().toString());
            m.put("entry_time", Instant.ofEpochMilli(t.entryTime()));
            m.put("exit_time", Instant.ofEpochMilli(t.exitTime()));
            m.put("entry_price", t.entryPrice());
            m.put("exit_price", t.exitPrice());
            m.put("shares", t.shares());
            m.put("pnl", t.pnl());
            m.put("return", t.returnFraction());
            m.put("duration_days", t.durationDays());
            m.put("exit_reason", t.exitReason().name().toLowerCase(java.util.Locale.ROOT));
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> equity(BacktestResult r) {
        long[] days = r.sessionEpochDays();
        double[] eq = r.dailyEquity();
        List<Map<String, Object>> out = new ArrayList<>(days.length);
        for (int i = 0; i < days.length; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", LocalDate.ofEpochDay(days[i]).toString());
            m.put("equity", eq[i]);
            out.add(m);
        }
        return out;
    }
}
