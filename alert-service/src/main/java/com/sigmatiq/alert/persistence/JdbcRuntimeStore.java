package com.sigmatiq.alert.persistence;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.Delivery;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link RuntimeStore} on PostgreSQL (schema {@code alert}); a bar's rows go in batches, in one transaction. */
@Repository
class JdbcRuntimeStore implements RuntimeStore {

    private static final String ACTIVE = "('paper_trading', 'alerting', 'live')";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    JdbcRuntimeStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    @Override
    public void upsert(Publication p, Instant now) {
        jdbc.sql("insert into publications (id, owner_id, model_id, trained_model_id, ticker, timeframe, pack_id, pack_version,"
                        + " strategy_id, effective_config, name, max_alerts_per_day, paper_trade_first, paper_equity, feed, status,"
                        + " published_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (id) do update set status = excluded.status, updated_at = excluded.updated_at")
                .params(p.id(), p.ownerId(), p.modelId(), p.trainedModelId(), p.ticker(), p.timeframe(), p.packId(),
                        p.packVersion(), p.strategyId(), json.writeValueAsString(p.effectiveConfig()), p.name(),
                        p.maxAlertsPerDay(), p.paperTradeFirst(), p.paperEquity(), p.feed(), p.status(), ts(now), ts(now))
                .update();
    }

    @Override
    public boolean status(String publicationId, String status, Instant now) {
        return jdbc.sql("update publications set status = ?, updated_at = ? where id = ?")
                .params(status, ts(now), publicationId).update() == 1;
    }

    @Override
    public Optional<Publication> publication(String id) {
        return jdbc.sql("select * from publications where id = ?").param(id).query(this::row).optional();
    }

    @Override
    public List<Publication> following(String ticker, String timeframe, String stream) {
        String feed = stream == null || stream.isEmpty() ? Publication.LIVE : stream;
        return jdbc.sql("select * from publications where ticker = ? and timeframe = ? and feed = ? and status in " + ACTIVE
                        + " order by id")
                .params(ticker, timeframe, feed).query(this::row).list();
    }

    @Override
    public Optional<byte[]> runtimeState(String publicationId) {
        return jdbc.sql("select state from runtimes where publication_id = ?").param(publicationId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    @Override
    @Transactional
    public void save(List<Saved> steps, Instant now) {
        List<Object[]> evaluations = new ArrayList<>();
        List<Object[]> alerts = new ArrayList<>();
        List<Object[]> deliveries = new ArrayList<>();
        List<Object[]> states = new ArrayList<>();
        Timestamp at = ts(now);
        for (Saved s : steps) {
            Publication p = s.publication();
            Timestamp bar = new Timestamp(s.step().bar().time());
            evaluations.add(new Object[] {p.id(), bar, p.ownerId(), s.step().evaluation().prediction().signal(),
                    json.writeValueAsString(s.step().evaluation())});
            for (Alert a : s.step().alerts()) {
                alerts.add(new Object[] {a.alertId(), p.id(), p.ownerId(), bar, a.signal().action().name(),
                        json.writeValueAsString(a), at});
            }
            for (Delivery d : s.deliveries()) {
                deliveries.add(new Object[] {d.alertId(), d.destination(), d.target(), Delivery.PENDING, at, ts(d.validUntil()), at});
            }
            states.add(new Object[] {p.id(), s.state(), bar, at});
        }
        batch.batchUpdate("insert into evaluations (publication_id, bar_time, owner_id, signal, evaluation)"
                + " values (?, ?, ?, ?, ?::jsonb) on conflict do nothing", evaluations);
        batch.batchUpdate("insert into alerts (alert_id, publication_id, owner_id, bar_time, action, alert, created_at)"
                + " values (?, ?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing", alerts);
        batch.batchUpdate("insert into deliveries (alert_id, destination, target, status, next_attempt_at, valid_until, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", deliveries);
        batch.batchUpdate("insert into runtimes (publication_id, state, last_bar_time, updated_at) values (?, ?, ?, ?)"
                + " on conflict (publication_id) do update set state = excluded.state, last_bar_time = excluded.last_bar_time,"
                + " updated_at = excluded.updated_at", states);
    }

    private Publication row(ResultSet rs, int n) throws SQLException {
        Map<String, Object> config = json.readValue(rs.getString("effective_config"),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        return new Publication(rs.getString("id"), rs.getString("owner_id"), rs.getString("model_id"),
                rs.getString("trained_model_id"), rs.getString("ticker"), rs.getString("timeframe"), rs.getString("pack_id"),
                rs.getString("pack_version"), rs.getString("strategy_id"), config, rs.getString("name"),
                rs.getInt("max_alerts_per_day"), rs.getBoolean("paper_trade_first"), rs.getDouble("paper_equity"),
                rs.getString("feed"), rs.getString("status"));
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
