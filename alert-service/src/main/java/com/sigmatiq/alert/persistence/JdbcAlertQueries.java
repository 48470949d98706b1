package com.sigmatiq.alert.persistence;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.AlertQueries;
import com.sigmatiq.alert.domain.Evaluation;
import com.sigmatiq.alert.domain.EvaluationLayout;
import com.sigmatiq.alert.domain.Publication;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** {@link AlertQueries} on PostgreSQL. */
@Repository
class JdbcAlertQueries implements AlertQueries {

    private static final Timestamp MIN = Timestamp.from(Instant.parse("1900-01-01T00:00:00Z"));
    private static final Timestamp MAX = Timestamp.from(Instant.parse("9999-01-01T00:00:00Z"));

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JdbcRuntimeStore store;

    JdbcAlertQueries(JdbcClient jdbc, JsonMapper json, JdbcRuntimeStore store) {
        this.jdbc = jdbc;
        this.json = json;
        this.store = store;
    }

    @Override
    public Page<Alert> alerts(String ownerId, String publicationId, Instant from, Instant to, int page, int size) {
        String where = " where owner_id = ? and (cast(? as text) is null or publication_id = ?) and bar_time >= ? and bar_time <= ?";
        Object[] p = {ownerId, publicationId, publicationId, ts(from, MIN), ts(to, MAX)};
        long total = jdbc.sql("select count(*) from alerts" + where).params(p).query(Long.class).single();
        List<Alert> items = jdbc.sql("select alert::text from alerts" + where + " order by bar_time desc, alert_id limit ? offset ?")
                .params(p).param(size).param((long) page * size).query(String.class).list().stream()
                .map(a -> json.readValue(a, Alert.class)).toList();
        return new Page<>(items, total);
    }

    @Override
    public Optional<Alert> alert(String ownerId, String alertId) {
        return jdbc.sql("select alert::text from alerts where owner_id = ? and alert_id = ?").params(ownerId, alertId)
                .query(String.class).optional().map(a -> json.readValue(a, Alert.class));
    }

    /**
     * Newest first: the blocks of {@code evaluation_blocks} that overlap the range (whole blocks are counted by their
     * size; the at most two at the range's ends are read to count), then the rows of {@code evaluations} written before
     * blocks existed, which are older than the publication's first block. Only the blocks a page needs are read.
     */
    @Override
    public Page<Evaluation> evaluations(String ownerId, String publicationId, Instant from, Instant to, int page, int size) {
        Timestamp lo = ts(from, MIN);
        Timestamp hi = ts(to, MAX);
        EvaluationLayout layout = jdbc.sql("select layout::text from evaluation_layouts where publication_id = ?")
                .param(publicationId).query(String.class).optional().map(l -> json.readValue(l, EvaluationLayout.class))
                .orElse(null);
        List<Block> blocks = jdbc.sql("select first_bar_time, last_bar_time, bars from evaluation_blocks where owner_id = ?"
                        + " and publication_id = ? and last_bar_time >= ? and first_bar_time <= ? order by first_bar_time desc")
                .params(ownerId, publicationId, lo, hi)
                .query((rs, n) -> new Block(rs.getTimestamp(1), rs.getTimestamp(2), rs.getInt(3))).list();
        long inBlocks = 0;
        for (Block b : blocks) {
            if (b.first.before(lo) || b.last.after(hi)) {
                b.rows = read(publicationId, b, lo, hi);
                b.inRange = b.rows.size();
            } else {
                b.inRange = b.bars;
            }
            inBlocks += b.inRange;
        }
        Timestamp firstBlock = jdbc.sql("select min(first_bar_time) from evaluation_blocks where publication_id = ?")
                .param(publicationId).query((rs, n) -> rs.getTimestamp(1)).list().get(0);
        String legacyWhere = " where owner_id = ? and publication_id = ? and bar_time >= ? and bar_time <= ?"
                + (firstBlock == null ? "" : " and bar_time < ?");
        Object[] legacyParams = firstBlock == null ? new Object[] {ownerId, publicationId, lo, hi}
                : new Object[] {ownerId, publicationId, lo, hi, firstBlock};
        long legacy = jdbc.sql("select count(*) from evaluations" + legacyWhere).params(legacyParams).query(Long.class).single();

        long offset = (long) page * size;
        List<Evaluation> items = new ArrayList<>(size);
        long skipped = 0;
        for (Block b : blocks) {
            if (items.size() == size) {
                break;
            }
            if (skipped + b.inRange <= offset) {
                skipped += b.inRange;
                continue;
            }
            List<EvaluationLayout.Row> rows = b.rows != null ? b.rows : read(publicationId, b, lo, hi);
            for (int i = rows.size() - 1; i >= 0 && items.size() < size; i--) {
                if (skipped++ >= offset) {
                    items.add(layout(layout, publicationId).evaluation(rows.get(i)));
                }
            }
        }
        if (items.size() < size && legacy > 0) {
            long legacyOffset = Math.max(0, offset - inBlocks);
            items.addAll(jdbc.sql("select * from evaluations" + legacyWhere + " order by bar_time desc limit ? offset ?")
                    .params(legacyParams).param(size - items.size()).param(legacyOffset)
                    .query((rs, n) -> {
                        String document = rs.getString("evaluation");
                        if (document != null || layout == null) {
                            return json.readValue(document, Evaluation.class);
                        }
                        return layout.evaluation(new EvaluationLayout.Row(rs.getTimestamp("bar_time").getTime(),
                                rs.getDouble("open"), rs.getDouble("high"), rs.getDouble("low"), rs.getDouble("close"),
                                rs.getDouble("volume"), EvaluationLayout.Row.values(rs.getBytes("shown")), rs.getString("signal"),
                                rs.getObject("confidence", Double.class), rs.getDouble("entry_score"), rs.getInt("hour"),
                                rs.getBoolean("hour_allowed")));
                    })
                    .list());
        }
        return new Page<>(items, inBlocks + legacy);
    }

    /** A stored block's place; its rows in the range once read. */
    private static final class Block {
        final Timestamp first;
        final Timestamp last;
        final int bars;
        long inRange;
        List<EvaluationLayout.Row> rows;

        Block(Timestamp first, Timestamp last, int bars) {
            this.first = first;
            this.last = last;
            this.bars = bars;
        }
    }

    /** A block's evaluations in {@code [lo, hi]}, in bar order. */
    private List<EvaluationLayout.Row> read(String publicationId, Block b, Timestamp lo, Timestamp hi) {
        byte[] data = jdbc.sql("select data from evaluation_blocks where publication_id = ? and first_bar_time = ?")
                .params(publicationId, b.first).query(byte[].class).single();
        return EvaluationBlocks.decode(data).stream()
                .filter(r -> r.barTime() >= lo.getTime() && r.barTime() <= hi.getTime()).toList();
    }

    private static EvaluationLayout layout(EvaluationLayout layout, String publicationId) {
        if (layout == null) {
            throw new IllegalStateException("no evaluation layout stored for " + publicationId);
        }
        return layout;
    }

    @Override
    public Optional<Progress> progress(String publicationId, Instant through) {
        if (store.publication(publicationId).isEmpty()) {
            return Optional.empty();
        }
        // a warm-up snapshot holds only bars before the stream's first: its time says nothing was taken after it
        Timestamp last = jdbc.sql("select last_bar_time from runtimes where publication_id = ?").param(publicationId)
                .query((rs, n) -> rs.getTimestamp(1)).optional().orElse(null);
        List<String> ids = jdbc.sql("select alert_id from alerts where publication_id = ? and bar_time <= ? order by bar_time, alert_id")
                .params(publicationId, Timestamp.from(through)).query(String.class).list();
        Timestamp first = jdbc.sql("select least((select min(first_bar_time) from evaluation_blocks where publication_id = ?),"
                        + " (select min(bar_time) from evaluations where publication_id = ?))")
                .params(publicationId, publicationId).query((rs, n) -> rs.getTimestamp(1)).list().get(0);
        return Optional.of(new Progress(first == null ? null : first.toInstant(), last == null ? null : last.toInstant(), ids));
    }

    @Override
    public Optional<Publication> publication(String ownerId, String publicationId) {
        return store.publication(publicationId).filter(p -> p.ownerId().equals(ownerId));
    }

    @Override
    public List<Publication> publications(String ownerId) {
        return jdbc.sql("select id from publications where owner_id = ? order by published_at desc").param(ownerId)
                .query(String.class).list().stream().map(id -> store.publication(id).orElseThrow()).toList();
    }

    @Override
    public List<Stamped> alertsAfter(String ownerId, Instant after, String afterId, int limit) {
        return jdbc.sql("select alert::text, created_at from alerts where owner_id = ? and (created_at, alert_id) > (?, ?)"
                        + " order by created_at, alert_id limit ?")
                .params(ownerId, Timestamp.from(after), afterId, limit)
                .query((rs, n) -> new Stamped(json.readValue(rs.getString(1), Alert.class), rs.getTimestamp(2).toInstant()))
                .list();
    }

    private static Timestamp ts(Instant i, Timestamp otherwise) {
        return i == null ? otherwise : Timestamp.from(i);
    }
}
