package com.sigmatiq.sweep.persistence;

import com.sigmatiq.sweep.domain.ComboResult;
import com.sigmatiq.sweep.domain.LogEntry;
import com.sigmatiq.sweep.domain.SortKey;
import com.sigmatiq.sweep.domain.SweepInputs;
import com.sigmatiq.sweep.domain.SweepRepository;
import com.sigmatiq.sweep.domain.SweepSpec;
import com.sigmatiq.sweep.domain.SweepState;
import com.sigmatiq.sweep.domain.SweepStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sweeps in PostgreSQL (schema {@code sweep}). Combinations and results are written with one statement per batch
 * ({@code unnest} of one array per column), results with {@code on conflict do nothing} so a redelivered result is
 * neither stored nor counted twice.
 */
@Repository
class JdbcSweepRepository implements SweepRepository {

    private static final String RESULT_COLUMNS = "combo_id, unit, total_return, annualized_return, sharpe, deflated_sharpe, "
            + "sortino, max_drawdown, calmar, win_rate, profit_factor, total_trades, avg_trade_duration_days, best_trade, "
            + "worst_trade, avg_winner, avg_loser, exposure, gate_pass, failed_checks, moments_n, moments_sharpe, "
            + "moments_skewness, moments_kurtosis, holdout_return, holdout_sharpe, holdout_max_drawdown, holdout_trades, "
            + "holdout_win_rate, holdout_gate_pass";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcSweepRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    @Transactional
    public void create(SweepSpec s, SweepInputs inputs, long[] comboUnits, String[] configHashes, Instant now) {
        jdbc.sql("""
                insert into sweeps (id, owner_id, model_id, sweep_type, tag, pack_id, pack_version, strategy_id, ticker,
                  timeframe, base_overrides, parameters, quality_gates, date_start, date_end, holdout_pct, total_combinations,
                  total_units, unit_size, status, created_at, last_progress_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?::json, ?::json, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)""")
                .params(s.id(), s.ownerId(), s.modelId(), s.sweepType(), s.tag(), s.packId(), s.packVersion(), s.strategyId(),
                        s.ticker(), s.timeframe(), json.writeValueAsString(s.baseOverrides()),
                        json.writeValueAsString(s.parameters()), json.writeValueAsString(s.qualityGates()), s.start(), s.end(),
                        s.holdoutPct(), s.totalCombinations(), s.units(), s.unitSize(), ts(now), ts(now))
                .update();
        jdbc.sql("insert into sweep_inputs (sweep_id, pack_files, bars_csv) values (?, ?::json, ?)")
                .params(s.id(), json.writeValueAsString(inputs.packFiles()), gzip(inputs.barsCsv())).update();
        int n = comboUnits.length;
        Long[] ids = new Long[n];
        Long[] units = new Long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = (long) i + 1;
            units[i] = comboUnits[i];
        }
        template.execute((ConnectionCallback<Integer>) c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into sweep_combinations (sweep_id, combo_id, unit, config_hash) "
                    + "select ?, * from unnest(?::bigint[], ?::bigint[], ?::text[])")) {
                ps.setObject(1, s.id());
                ps.setArray(2, c.createArrayOf("bigint", ids));
                ps.setArray(3, c.createArrayOf("bigint", units));
                ps.setArray(4, c.createArrayOf("text", configHashes));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<SweepState> find(UUID id) {
        return jdbc.sql("select * from sweeps where id = ?").param(id).query((rs, i) -> state(rs)).optional();
    }

    @Override
    public Optional<SweepState> find(UUID id, String ownerId) {
        return jdbc.sql("select * from sweeps where id = ? and owner_id = ?").params(id, ownerId).query((rs, i) -> state(rs)).optional();
    }

    @Override
    public List<SweepState> list(String ownerId, String modelId, SweepStatus status, int limit) {
        // served by the index sweeps_owner (owner_id, created_at); the filters apply to one user's rows
        StringBuilder sql = new StringBuilder("select * from sweeps where owner_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(ownerId);
        if (modelId != null) {
            sql.append(" and model_id = ?");
            params.add(modelId);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.label());
        }
        sql.append(" order by created_at desc, id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> state(rs)).list();
    }

    @Override
    public Optional<SweepStatus> status(UUID id) {
        return jdbc.sql("select status from sweeps where id = ?").param(id).query(String.class).optional().map(SweepStatus::of);
    }

    @Override
    public SweepInputs inputs(UUID id) {
        return jdbc.sql("select pack_files, bars_csv from sweep_inputs where sweep_id = ?").param(id)
                .query((rs, i) -> new SweepInputs(json.readValue(rs.getString(1), new TypeReference<LinkedHashMap<String, String>>() { }),
                        gunzip(rs.getBytes(2)))).single();
    }

    @Override
    public Map<String, String> packFiles(UUID id) {
        return jdbc.sql("select pack_files from sweep_inputs where sweep_id = ?").param(id)
                .query((rs, i) -> json.readValue(rs.getString(1), new TypeReference<LinkedHashMap<String, String>>() { }))
                .single();
    }

    @Override
    public void log(UUID id, Instant at, String status, String message) {
        jdbc.sql("insert into sweep_log (sweep_id, at, status, message) values (?, ?, ?, ?)").params(id, ts(at), status, message).update();
    }

    @Override
    public List<LogEntry> log(UUID id) {
        return jdbc.sql("select at, status, message from sweep_log where sweep_id = ? order by id").param(id)
                .query((rs, i) -> new LogEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3))).list();
    }

    @Override
    public boolean markRunning(UUID id, Instant now) {
        return jdbc.sql("update sweeps set status = 'running', started_at = coalesce(started_at, ?), last_progress_at = ? "
                + "where id = ? and status = 'queued'").params(ts(now), ts(now), id).update() == 1;
    }

    @Override
    public boolean cancel(UUID id, Instant now) {
        return jdbc.sql("update sweeps set status = 'cancelled', completed_at = ? where id = ? and status in ('queued', 'running')")
                .params(ts(now), id).update() == 1;
    }

    @Override
    @Transactional
    public Progress insertResults(UUID id, List<ComboResult> results, Instant now) {
        int n = results.size();
        Object[][] cols = new Object[30][n];
        for (int i = 0; i < n; i++) {
            ComboResult r = results.get(i);
            ComboResult.Holdout h = r.holdout();
            Object[] v = {r.comboId(), r.unit(), r.totalReturn(), r.annualizedReturn(), r.sharpe(), r.deflatedSharpe(),
                r.sortino(), r.maxDrawdown(), r.calmar(), r.winRate(), r.profitFactor(), r.totalTrades(),
                r.avgTradeDurationDays(), r.bestTrade(), r.worstTrade(), r.avgWinner(), r.avgLoser(), r.exposure(),
                r.gatePass(), r.failedChecks(), r.momentsN(), r.momentsSharpe(), r.momentsSkewness(), r.momentsKurtosis(),
                h == null ? null : h.totalReturn(), h == null ? null : h.sharpe(), h == null ? null : h.maxDrawdown(),
                h == null ? null : h.totalTrades(), h == null ? null : h.winRate(), h == null ? null : h.gatePass()};
            for (int c = 0; c < 30; c++) {
                cols[c][i] = v[c];
            }
        }
        String[] types = {"bigint", "bigint", "float8", "float8", "float8", "float8", "float8", "float8", "float8", "float8",
            "float8", "int4", "float8", "float8", "float8", "float8", "float8", "float8", "bool", "text", "int4", "float8",
            "float8", "float8", "float8", "float8", "float8", "int4", "float8", "bool"};
        StringBuilder unnest = new StringBuilder();
        for (int c = 0; c < 30; c++) {
            unnest.append(c == 0 ? "" : ", ").append("?::").append(types[c]).append("[]");
        }
        String sql = "with ins as (insert into sweep_results (sweep_id, " + RESULT_COLUMNS + ") select ?, * from unnest("
                + unnest + ") on conflict do nothing returning 1), "
                + "c as (select count(*) as n from ins) "
                + "update sweeps set done_combinations = done_combinations + c.n, "
                + "last_progress_at = case when c.n > 0 then ? else last_progress_at end from c where id = ? "
                + "returning c.n, done_combinations - c.n, done_combinations, total_combinations, status";
        return template.execute((ConnectionCallback<Progress>) conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setObject(1, id);
                for (int c = 0; c < 30; c++) {
                    ps.setArray(c + 2, conn.createArrayOf(types[c], boxed(cols[c], types[c])));
                }
                ps.setTimestamp(32, ts(now));
                ps.setObject(33, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new Progress(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), SweepStatus.of(rs.getString(5)));
                }
            }
        });
    }

    private static Object[] boxed(Object[] col, String type) {
        Object[] out = switch (type) {
            case "bigint" -> new Long[col.length];
            case "int4" -> new Integer[col.length];
            case "bool" -> new Boolean[col.length];
            case "text" -> new String[col.length];
            default -> new Double[col.length];
        };
        for (int i = 0; i < col.length; i++) {
            Object v = col[i];
            if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                v = null;
            }
            out[i] = v;
        }
        return out;
    }

    @Override
    public List<Long> missingUnits(UUID id) {
        return jdbc.sql("""
                select distinct c.unit from sweep_combinations c
                left join sweep_results r on r.sweep_id = c.sweep_id and r.combo_id = c.combo_id
                where c.sweep_id = ? and r.combo_id is null order by c.unit""").param(id).query(Long.class).list();
    }

    @Override
    public List<UUID> unfinished() {
        return jdbc.sql("select id from sweeps where status in ('queued', 'running') order by created_at").query(UUID.class).list();
    }

    @Override
    public List<UUID> claimStalled(Instant before, Instant now) {
        return jdbc.sql("update sweeps set last_progress_at = ? where status in ('queued', 'running') and last_progress_at < ? "
                + "returning id").params(ts(now), ts(before)).query(UUID.class).list();
    }

    @Override
    public List<ComboResult> momentsForUpdate(UUID id) {
        jdbc.sql("select id from sweeps where id = ? for update").param(id).query(UUID.class).optional();
        return jdbc.sql("select combo_id, moments_n, moments_sharpe, moments_skewness, moments_kurtosis from sweep_results "
                + "where sweep_id = ? order by combo_id").param(id)
                .query((rs, i) -> new ComboResult(rs.getLong(1), 0, 0, 0, 0, null, 0, 0, null, null, null, 0, null, null, null,
                        null, null, 0, false, "", rs.getInt(2), rs.getDouble(3), dbl(rs, 4), dbl(rs, 5), null)).list();
    }

    @Override
    public void complete(UUID id, long[] comboIds, Double[] deflatedSharpe, double variance, Instant now) {
        Long[] ids = new Long[comboIds.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = comboIds[i];
        }
        Double[] dsr = (Double[]) boxed(deflatedSharpe, "float8");
        template.execute((ConnectionCallback<Integer>) c -> {
            try (PreparedStatement ps = c.prepareStatement("update sweep_results r set deflated_sharpe = u.d "
                    + "from unnest(?::bigint[], ?::float8[]) as u(id, d) where r.sweep_id = ? and r.combo_id = u.id")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                ps.setArray(2, c.createArrayOf("float8", dsr));
                ps.setObject(3, id);
                return ps.executeUpdate();
            }
        });
        jdbc.sql("""
                update sweeps set status = 'completed', completed_at = ?, trial_sharpe_variance = ?,
                  passed_combinations = (select count(*) from sweep_results where sweep_id = ? and gate_pass)
                where id = ?""").params(ts(now), variance, id, id).update();
    }

    @Override
    public List<ComboResult> leaderboard(UUID id, SortKey sort, boolean ascending, Boolean gatePass, int offset, int limit) {
        String order = column(sort) + (ascending ? " asc" : " desc") + " nulls last, combo_id";
        String sql = "select " + RESULT_COLUMNS + " from sweep_results where sweep_id = ?"
                + (gatePass == null ? "" : " and gate_pass = " + gatePass) + " order by " + order + " limit ? offset ?";
        return jdbc.sql(sql).params(id, limit, offset).query((rs, i) -> result(rs)).list();
    }

    @Override
    public Counts counts(UUID id, Boolean gatePass) {
        return jdbc.sql("select count(*), count(*) filter (where gate_pass), count(*) filter (where not gate_pass) "
                + "from sweep_results where sweep_id = ?").param(id).query((rs, i) -> {
                    long stored = rs.getLong(1);
                    long passed = rs.getLong(2);
                    long failed = rs.getLong(3);
                    return new Counts(stored, passed, failed, gatePass == null ? stored : gatePass ? passed : failed);
                }).single();
    }

    @Override
    public Optional<ComboResult> result(UUID id, long comboId) {
        return jdbc.sql("select " + RESULT_COLUMNS + " from sweep_results where sweep_id = ? and combo_id = ?").params(id, comboId)
                .query((rs, i) -> result(rs)).optional();
    }

    @Override
    public Optional<String> configHash(UUID id, long comboId) {
        return jdbc.sql("select config_hash from sweep_combinations where sweep_id = ? and combo_id = ?").params(id, comboId)
                .query(String.class).optional();
    }

    private static String column(SortKey k) {
        return switch (k) {
            case SHARPE -> "sharpe";
            case DEFLATED_SHARPE -> "deflated_sharpe";
            case RETURN -> "total_return";
            case ANNUALIZED_RETURN -> "annualized_return";
            case SORTINO -> "sortino";
            case MAX_DRAWDOWN -> "max_drawdown";
            case CALMAR -> "calmar";
            case WIN_RATE -> "win_rate";
            case PROFIT_FACTOR -> "profit_factor";
            case TRADES -> "total_trades";
            case AVG_TRADE_DURATION_DAYS -> "avg_trade_duration_days";
            case BEST_TRADE -> "best_trade";
            case WORST_TRADE -> "worst_trade";
            case AVG_WINNER -> "avg_winner";
            case AVG_LOSER -> "avg_loser";
            case EXPOSURE -> "exposure";
            case HOLDOUT_SHARPE -> "holdout_sharpe";
            case HOLDOUT_RETURN -> "holdout_return";
            case COMBO_ID -> "combo_id";
        };
    }

    private static ComboResult result(ResultSet rs) throws SQLException {
        ComboResult.Holdout h = rs.getObject("holdout_sharpe") == null ? null : new ComboResult.Holdout(
                rs.getDouble("holdout_return"), rs.getDouble("holdout_sharpe"), rs.getDouble("holdout_max_drawdown"),
                rs.getInt("holdout_trades"), dbl(rs, "holdout_win_rate"), rs.getBoolean("holdout_gate_pass"));
        return new ComboResult(rs.getLong("combo_id"), rs.getLong("unit"), rs.getDouble("total_return"),
                rs.getDouble("annualized_return"), rs.getDouble("sharpe"), dbl(rs, "deflated_sharpe"), rs.getDouble("sortino"),
                rs.getDouble("max_drawdown"), dbl(rs, "calmar"), dbl(rs, "win_rate"), dbl(rs, "profit_factor"),
                rs.getInt("total_trades"), dbl(rs, "avg_trade_duration_days"), dbl(rs, "best_trade"), dbl(rs, "worst_trade"),
                dbl(rs, "avg_winner"), dbl(rs, "avg_loser"), rs.getDouble("exposure"), rs.getBoolean("gate_pass"),
                rs.getString("failed_checks"), rs.getInt("moments_n"), rs.getDouble("moments_sharpe"),
                dbl(rs, "moments_skewness"), dbl(rs, "moments_kurtosis"), h);
    }

    private SweepState state(ResultSet rs) throws SQLException {
        Map<String, Object> base = json.readValue(rs.getString("base_overrides"), new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, List<Object>> params = json.readValue(rs.getString("parameters"),
                new TypeReference<LinkedHashMap<String, List<Object>>>() { });
        Map<String, Double> gates = json.readValue(rs.getString("quality_gates"), new TypeReference<LinkedHashMap<String, Double>>() { });
        SweepSpec spec = new SweepSpec(rs.getObject("id", UUID.class), rs.getString("owner_id"), rs.getString("model_id"),
                rs.getString("sweep_type"), rs.getString("tag"), rs.getString("pack_id"), rs.getString("pack_version"),
                rs.getString("strategy_id"), rs.getString("ticker"), rs.getString("timeframe"), base, params, gates,
                rs.getObject("date_start", LocalDate.class), rs.getObject("date_end", LocalDate.class), dbl(rs, "holdout_pct"),
                rs.getLong("total_combinations"), rs.getLong("total_units"), rs.getInt("unit_size"));
        long passed = rs.getLong("passed_combinations");
        Long passedOrNull = rs.wasNull() ? null : passed;
        return new SweepState(spec, SweepStatus.of(rs.getString("status")), rs.getLong("done_combinations"), passedOrNull,
                dbl(rs, "trial_sharpe_variance"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "completed_at"), instant(rs, "last_progress_at"));
    }

    private static Double dbl(ResultSet rs, String col) throws SQLException {
        double d = rs.getDouble(col);
        return rs.wasNull() ? null : d;
    }

    private static Double dbl(ResultSet rs, int col) throws SQLException {
        double d = rs.getDouble(col);
        return rs.wasNull() ? null : d;
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] data) {
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return z.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
