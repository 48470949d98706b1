package com.sigmatiq.sim.persistence;

import com.sigmatiq.sim.domain.Account;
import com.sigmatiq.sim.domain.Bar;
import com.sigmatiq.sim.domain.Execution;
import com.sigmatiq.sim.domain.PaperAlert;
import com.sigmatiq.sim.domain.RecommendationRules;
import com.sigmatiq.sim.domain.SimStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link SimStore} on the {@code sim} schema. */
@Repository
class JdbcSimStore implements SimStore {

    private static final String COLUMNS = "account_id, published_id, owner_id, model_id, trained_model_id, name, ticker, "
            + "timeframe, pack_id, pack_version, strategy_id, effective_config, feed, max_alerts_per_day, starting_equity, "
            + "sessions, execution, rules, status, first_bar, end_bar, recommendation, created_at, completed_at";

    private final RowMapper<Account> accountRows = this::account;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    JdbcSimStore(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public boolean insert(Account a) {
        return jdbc.sql("INSERT INTO accounts (" + COLUMNS + ") VALUES (:id, :pub, :owner, :model, :trained, :name, :ticker, "
                        + ":tf, :pack, :version, :strategy, CAST(:config AS JSON), :feed, :maxPerDay, :equity, :sessions, "
                        + "CAST(:execution AS JSON), CAST(:rules AS JSON), :status, :first, :end, :rec, :created, :completed) "
                        + "ON CONFLICT DO NOTHING")
                .param("id", a.id()).param("pub", a.publishedId()).param("owner", a.ownerId()).param("model", a.modelId())
                .param("trained", a.trainedModelId()).param("name", a.name()).param("ticker", a.ticker())
                .param("tf", a.timeframe()).param("pack", a.packId()).param("version", a.packVersion())
                .param("strategy", a.strategyId()).param("config", json.writeValueAsString(a.effectiveConfig()))
                .param("feed", a.feed()).param("maxPerDay", a.maxAlertsPerDay()).param("equity", a.startingEquity())
                .param("sessions", a.sessions()).param("execution", json.writeValueAsString(a.execution()))
                .param("rules", json.writeValueAsString(a.rules())).param("status", a.status())
                .param("first", a.firstBar()).param("end", a.endBar()).param("rec", a.recommendation())
                .param("created", ts(a.createdAt())).param("completed", ts(a.completedAt()))
                .update() == 1;
    }

    @Override
    public Optional<Account> account(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE account_id = :id").param("id", id).query(accountRows).optional();
    }

    @Override
    public Optional<Account> byPublished(String publishedId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE published_id = :id").param("id", publishedId)
                .query(accountRows).optional();
    }

    @Override
    public List<Account> accounts(String ownerId, String publishedId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE owner_id = :owner "
                        + "AND (CAST(:pub AS TEXT) IS NULL OR published_id = :pub) ORDER BY created_at DESC, account_id")
                .param("owner", ownerId).param("pub", publishedId).query(accountRows).list();
    }

    @Override
    public List<Account> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE status IN ('paper_trading', 'settling') ORDER BY account_id")
                .query(accountRows).list();
    }

    @Override
    public int storeBar(String feed, String ticker, String timeframe, Bar b) {
        Integer started = tx.execute(s -> {
            jdbc.sql("INSERT INTO feed_bars (feed, ticker, timeframe, start_ms, open, high, low, close, volume) "
                            + "VALUES (:feed, :ticker, :tf, :t, :o, :h, :l, :c, :v) ON CONFLICT DO NOTHING")
                    .param("feed", feed).param("ticker", ticker).param("tf", timeframe).param("t", b.time())
                    .param("o", b.open()).param("h", b.high()).param("l", b.low()).param("c", b.close()).param("v", b.volume())
                    .update();
            return jdbc.sql("UPDATE accounts SET first_bar = :t WHERE status = 'paper_trading' AND first_bar IS NULL AND feed = :feed "
                            + "AND upper(ticker) = upper(:ticker) AND timeframe = :tf")
                    .param("t", b.time()).param("feed", feed).param("ticker", ticker).param("tf", timeframe).update();
        });
        return started == null ? 0 : started;
    }

    @Override
    public List<Bar> bars(String feed, String ticker, String timeframe, long from, long to) {
        return jdbc.sql("SELECT start_ms, open, high, low, close, volume FROM feed_bars WHERE feed = :feed "
                        + "AND upper(ticker) = upper(:ticker) AND timeframe = :tf AND start_ms BETWEEN :from AND :to ORDER BY start_ms")
                .param("feed", feed).param("ticker", ticker).param("tf", timeframe).param("from", from).param("to", to)
                .query((rs, i) -> new Bar(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                        rs.getDouble(6)))
                .list();
    }

    @Override
    public boolean insertAlert(PaperAlert a, String document, boolean applied, Instant at) {
        return jdbc.sql("INSERT INTO alerts (alert_id, published_id, bar_time, action, exit_reason, quantity, applied, "
                        + "document, received_at) VALUES (:id, :pub, :t, :action, :reason, :qty, :applied, CAST(:doc AS JSON), :at) "
                        + "ON CONFLICT DO NOTHING")
                .param("id", a.alertId()).param("pub", a.publishedId()).param("t", a.barTime())
                .param("action", a.buy() ? "BUY" : "SELL").param("reason", a.exitReason()).param("qty", a.quantity())
                .param("applied", applied).param("doc", document).param("at", ts(at))
                .update() == 1;
    }

    @Override
    public List<PaperAlert> alerts(String publishedId) {
        return jdbc.sql("SELECT alert_id, published_id, bar_time, action, exit_reason, quantity FROM alerts "
                        + "WHERE published_id = :pub AND applied ORDER BY bar_time, action")
                .param("pub", publishedId)
                .query((rs, i) -> new PaperAlert(rs.getString(1), rs.getString(2), rs.getLong(3), "BUY".equals(rs.getString(4)),
                        rs.getString(5), rs.getLong(6)))
                .list();
    }

    @Override
    public Optional<String> alertDocument(String alertId) {
        return jdbc.sql("SELECT document::text FROM alerts WHERE alert_id = :id").param("id", alertId).query(String.class).optional();
    }

    @Override
    public void ended(String accountId, long endBar, Instant settleAt) {
        jdbc.sql("UPDATE accounts SET status = 'settling', end_bar = :end, settle_at = :at "
                        + "WHERE account_id = :id AND status = 'paper_trading'")
                .param("end", endBar).param("at", ts(settleAt)).param("id", accountId).update();
    }

    @Override
    public void extendSettling(String accountId, Instant settleAt) {
        jdbc.sql("UPDATE accounts SET settle_at = GREATEST(settle_at, :at) WHERE account_id = :id AND status = 'settling'")
                .param("at", ts(settleAt)).param("id", accountId).update();
    }

    @Override
    public List<Account> dueToSettle(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE status = 'settling' AND settle_at <= :now ORDER BY settle_at")
                .param("now", ts(now)).query(accountRows).list();
    }

    @Override
    public void complete(String accountId, String performance, String recommendation, Instant at) {
        jdbc.sql("UPDATE accounts SET status = 'complete', performance = CAST(:perf AS JSON), recommendation = :rec, "
                        + "completed_at = :at WHERE account_id = :id AND status = 'settling'")
                .param("perf", performance).param("rec", recommendation).param("at", ts(at)).param("id", accountId).update();
    }

    @Override
    public Optional<String> performance(String accountId) {
        return jdbc.sql("SELECT performance::text FROM accounts WHERE account_id = :id AND performance IS NOT NULL")
                .param("id", accountId).query(String.class).optional();
    }

    @Override
    public void stop(String publishedId) {
        jdbc.sql("UPDATE accounts SET status = 'stopped' WHERE published_id = :id AND status IN ('paper_trading', 'settling')")
                .param("id", publishedId).update();
    }

    private Account account(ResultSet rs, int row) throws SQLException {
        Map<String, Object> config = json.readValue(rs.getString("effective_config"),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        return new Account(rs.getString("account_id"), rs.getString("published_id"), rs.getString("owner_id"),
                rs.getString("model_id"), rs.getString("trained_model_id"), rs.getString("name"), rs.getString("ticker"),
                rs.getString("timeframe"), rs.getString("pack_id"), rs.getString("pack_version"), rs.getString("strategy_id"),
                config, rs.getString("feed"), rs.getInt("max_alerts_per_day"), rs.getDouble("starting_equity"),
                rs.getInt("sessions"), json.readValue(rs.getString("execution"), Execution.class),
                json.readValue(rs.getString("rules"), RecommendationRules.class), rs.getString("status"),
                (Long) rs.getObject("first_bar"), (Long) rs.getObject("end_bar"), rs.getString("recommendation"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("completed_at")));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
