package com.sigmatiq.alert.persistence;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.Delivery;
import com.sigmatiq.alert.domain.IncomingBar;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeSnapshot;
import com.sigmatiq.alert.domain.RuntimeStore;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link RuntimeStore} on PostgreSQL (schema {@code alert}); rows go in JDBC batches (rewritten as multi-row inserts). */
@Repository
class JdbcRuntimeStore implements RuntimeStore {

    private static final String ACTIVE = "('paper_trading', 'alerting', 'live')";

    /** Buffers kept for reuse, and the largest kept (bigger ones, from rare long bursts, are left to the collector). */
    private static final int POOLED = 2048;
    private static final int POOLED_BYTES = 64 * 1024;
    /** A batch with this many alerts or more is stored in two transactions at once (see {@link #saveAlerts}). */
    static final int SPLIT_FROM = 32;

    private final BlockingQueue<EvaluationBlocks.Rows> pool = new ArrayBlockingQueue<>(POOLED);
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final TransactionTemplate separately;
    private final ExecutorService splitter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alert-store-split");
        t.setDaemon(true);
        return t;
    });

    JdbcRuntimeStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.separately = new TransactionTemplate(transactions);
    }

    @PreDestroy
    void close() {
        splitter.shutdown();
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
    public String publicationsVersion() {
        return jdbc.sql("select count(*) || '/' || coalesce(max(updated_at)::text, '') from publications")
                .query(String.class).single();
    }

    @Override
    public Optional<StreamStart> streamStart(String ticker, String timeframe, String feed) {
        return jdbc.sql("select first_bar_time, first_topic, first_partition, first_offset from streams"
                        + " where ticker = ? and timeframe = ? and feed = ? and first_topic is not null")
                .params(ticker, timeframe, feed)
                .query((rs, n) -> new StreamStart(rs.getTimestamp("first_bar_time").getTime(), new IncomingBar.BarPosition(
                        rs.getString("first_topic"), rs.getInt("first_partition"), rs.getLong("first_offset"))))
                .optional();
    }

    @Override
    public Optional<RuntimeSnapshot> snapshot(String publicationId) {
        return jdbc.sql("select state, last_bar_time, bar_topic, bar_partition, bar_offset from runtimes where publication_id = ?")
                .param(publicationId)
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp("last_bar_time");
                    String topic = rs.getString("bar_topic");
                    return new RuntimeSnapshot(publicationId, rs.getBytes("state"), last == null ? Long.MIN_VALUE : last.getTime(),
                            topic == null ? null : new IncomingBar.BarPosition(topic, rs.getInt("bar_partition"), rs.getLong("bar_offset")));
                })
                .optional();
    }

    @Override
    public OptionalLong resumeOffset(String topic, int partition) {
        long offset = jdbc.sql("select coalesce(min(r.bar_offset) + 1, -1) from runtimes r join publications p"
                        + " on p.id = r.publication_id where r.bar_topic = ? and r.bar_partition = ? and p.status in " + ACTIVE)
                .params(topic, partition).query(Long.class).single();
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    @Override
    @Transactional
    public void saveAlerts(List<Made> made, List<RuntimeSnapshot> warmedUp, List<Layout> layouts, List<StreamMark> marks,
                           Instant now) {
        Timestamp at = ts(now);
        if (made.size() >= SPLIT_FROM) {
            // a bar on which hundreds of models alert: half of its alerts (each with its delivery rows) in a second
            // transaction on another core, committed before this one (which marks the stream) can commit
            int half = made.size() / 2;
            // (it need not wait for the WAL flush: this transaction's commit, which acknowledges the bar, comes after it
            // in the WAL and waits for it; if this one is never flushed, neither is that, and the bar is taken again)
            Future<?> other = splitter.submit(() -> separately.executeWithoutResult(s -> {
                batch.execute("set local synchronous_commit = off");
                insertAlerts(made.subList(half, made.size()), at);
            }));
            insertAlerts(made.subList(0, half), at);
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing alerts", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        } else {
            insertAlerts(made, at);
        }
        saveSnapshots(warmedUp, at);
        if (!layouts.isEmpty()) {
            batch.batchUpdate("insert into evaluation_layouts (publication_id, layout) values (?, ?::jsonb) on conflict do nothing",
                    layouts.stream().map(l -> new Object[] {l.publicationId(), json.writeValueAsString(l.layout())}).toList());
        }
        if (!marks.isEmpty()) {
            batch.batchUpdate("insert into streams (ticker, timeframe, feed, last_bar_time, bars, updated_at, first_bar_time,"
                    + " first_topic, first_partition, first_offset) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (ticker, timeframe, feed) do update set last_bar_time = greatest(streams.last_bar_time,"
                    + " excluded.last_bar_time), bars = streams.bars + excluded.bars, updated_at = excluded.updated_at,"
                    + " first_bar_time = coalesce(streams.first_bar_time, excluded.first_bar_time),"
                    + " first_topic = coalesce(streams.first_topic, excluded.first_topic),"
                    + " first_partition = coalesce(streams.first_partition, excluded.first_partition),"
                    + " first_offset = coalesce(streams.first_offset, excluded.first_offset)",
                    marks.stream().map(m -> new Object[] {m.ticker(), m.timeframe(), m.feed(), new Timestamp(m.lastBarTime()),
                        (long) m.bars(), at, new Timestamp(m.firstBarTime()), m.first().topic(), m.first().partition(),
                        m.first().offset()}).toList());
        }
    }

    @Override
    @Transactional
    public void saveEvaluations(List<EvaluationRows> evaluated, List<RuntimeSnapshot> snapshots, Instant now) {
        // Not waiting for the WAL flush: a commit lost to a database crash loses these evaluations together with the
        // snapshot after them, so the runtime goes back to its older snapshot and makes them again; and the next
        // alerts transaction (synchronous) flushes this one's WAL before it commits.
        batch.execute("set local synchronous_commit = off");
        if (!evaluated.isEmpty()) {
            batch.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
                EvaluationBlocks.write(c, evaluated);
                return null;
            });
        }
        saveSnapshots(snapshots, ts(now));
    }

    /**
     * A buffer from the pool: buffers written by {@link #recycle} come back with their arrays, so that the runtimes'
     * evaluations of a burst do not allocate (and the young collections copy) hundreds of megabytes of new arrays.
     */
    @Override
    public EvaluationRows evaluationRows() {
        EvaluationBlocks.Rows rows = pool.poll();
        return rows != null ? rows : new EvaluationBlocks.Rows();
    }

    @Override
    public void recycle(List<EvaluationRows> written) {
        for (EvaluationRows r : written) {
            if (r instanceof EvaluationBlocks.Rows rows && rows.capacity() <= POOLED_BYTES) {
                rows.reset();
                pool.offer(rows);
            }
        }
    }

    /** Alerts and their delivery rows (an alert stored twice, from a bar taken again, is stored once). */
    private void insertAlerts(List<Made> made, Timestamp at) {
        if (made.isEmpty()) {
            return;
        }
        List<Object[]> alerts = new ArrayList<>(made.size());
        List<Object[]> deliveries = new ArrayList<>();
        for (Made m : made) {
            Alert a = m.alert();
            alerts.add(new Object[] {a.alertId(), m.publication().id(), m.publication().ownerId(), ts(a.timestamp()),
                    a.signal().action().name(), m.json(), at});
            for (Delivery d : m.deliveries()) {
                deliveries.add(new Object[] {d.alertId(), d.destination(), d.target(), Delivery.PENDING, at, ts(d.validUntil()), at});
            }
        }
        batch.batchUpdate("insert into alerts (alert_id, publication_id, owner_id, bar_time, action, alert, created_at)"
                + " values (?, ?, ?, ?, ?, ?::json, ?) on conflict do nothing", alerts);
        if (!deliveries.isEmpty()) {
            batch.batchUpdate("insert into deliveries (alert_id, destination, target, status, next_attempt_at, valid_until, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", deliveries);
        }
    }

    /** Upserts snapshots; one never replaces a later one (nor, within one call, a later one of the same runtime). */
    private void saveSnapshots(List<RuntimeSnapshot> all, Timestamp at) {
        if (all.isEmpty()) {
            return;
        }
        Map<String, RuntimeSnapshot> latest = new LinkedHashMap<>();
        for (RuntimeSnapshot s : all) {
            latest.merge(s.publicationId(), s, (a, b) -> b.lastBarTime() >= a.lastBarTime() ? b : a);
        }
        List<RuntimeSnapshot> snapshots = List.copyOf(latest.values());
        batch.batchUpdate("insert into runtimes (publication_id, state, last_bar_time, bar_topic, bar_partition, bar_offset, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict (publication_id) do update set state = excluded.state,"
                        + " last_bar_time = excluded.last_bar_time, bar_topic = excluded.bar_topic,"
                        + " bar_partition = excluded.bar_partition, bar_offset = excluded.bar_offset, updated_at = excluded.updated_at"
                        + " where runtimes.last_bar_time is null or excluded.last_bar_time >= runtimes.last_bar_time",
                snapshots.stream().map(s -> new Object[] {s.publicationId(), s.state(),
                    s.lastBarTime() == Long.MIN_VALUE ? null : new Timestamp(s.lastBarTime()),
                    s.position() == null ? null : s.position().topic(),
                    s.position() == null ? null : s.position().partition(),
                    s.position() == null ? null : s.position().offset(), at}).toList());
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
