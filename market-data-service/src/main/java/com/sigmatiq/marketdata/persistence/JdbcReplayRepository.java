package com.sigmatiq.marketdata.persistence;

import com.sigmatiq.marketdata.domain.ReplayRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Replays and their cursors (table {@code marketdata.replay}). */
@Repository
public class JdbcReplayRepository implements ReplayRepository {

    private final JdbcClient jdbc;

    public JdbcReplayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ReplayRow r) {
        jdbc.sql("""
                insert into replay (id, tickers, source_timeframe, timeframes, from_ms, to_ms, speed, extended, status,
                    position, total, offsets, error, requested_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), String.join(",", r.tickers()), r.sourceTimeframe(), String.join(",", r.timeframes()),
                        r.fromMs(), r.toMs(), r.speed(), r.extended(), r.status(), r.position(), r.total(),
                        encode(r.offsets()), r.error(), r.requestedBy(), Timestamp.from(r.createdAt()),
                        Timestamp.from(r.updatedAt()))
                .update();
    }

    /** Saves the cursor: acknowledged position and offsets, optionally a new status. */
    @Override
    public void saveCursor(UUID id, long position, long total, Map<String, Long> offsets, String status, String error,
                           Instant now) {
        jdbc.sql("update replay set position = ?, total = ?, offsets = ?, status = coalesce(?, status), error = ?, "
                        + "updated_at = ? where id = ?")
                .params(position, total, encode(offsets), status, error, Timestamp.from(now), id).update();
    }

    @Override
    public void fail(UUID id, String error, Instant now) {
        jdbc.sql("update replay set status = 'failed', error = ?, updated_at = ? where id = ? and status = 'running'")
                .params(error, Timestamp.from(now), id).update();
    }

    /** Changes the status only when it is currently one of {@code from}; returns whether it changed. */
    @Override
    public boolean transition(UUID id, String to, Instant now, String... from) {
        return jdbc.sql("update replay set status = :to, updated_at = :now where id = :id and status in (:from)")
                .param("to", to).param("now", Timestamp.from(now)).param("id", id).param("from", List.of(from))
                .update() == 1;
    }

    @Override
    public Optional<ReplayRow> find(UUID id) {
        return jdbc.sql("select * from replay where id = ?").param(id).query(JdbcReplayRepository::map).optional();
    }

    @Override
    public List<ReplayRow> byStatus(String status) {
        return jdbc.sql("select * from replay where status = ? order by created_at").param(status)
                .query(JdbcReplayRepository::map).list();
    }

    @Override
    public List<ReplayRow> recent(int limit) {
        return jdbc.sql("select * from replay order by created_at desc limit ?").param(limit).query(JdbcReplayRepository::map).list();
    }

    private static ReplayRow map(ResultSet rs, int row) throws SQLException {
        return new ReplayRow(rs.getObject("id", UUID.class), Arrays.asList(rs.getString("tickers").split(",")),
                rs.getString("source_timeframe"), Arrays.asList(rs.getString("timeframes").split(",")),
                rs.getLong("from_ms"), rs.getLong("to_ms"), rs.getDouble("speed"), rs.getBoolean("extended"),
                rs.getString("status"), rs.getLong("position"), rs.getLong("total"), decode(rs.getString("offsets")),
                rs.getString("error"), rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    static String encode(Map<String, Long> offsets) {
        StringBuilder sb = new StringBuilder();
        offsets.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    static Map<String, Long> decode(String s) {
        Map<String, Long> m = new LinkedHashMap<>();
        if (s != null && !s.isBlank()) {
            for (String part : s.split(";")) {
                int eq = part.lastIndexOf('=');
                m.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
            }
        }
        return m;
    }
}
