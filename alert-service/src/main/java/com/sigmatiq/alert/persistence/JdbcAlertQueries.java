package com.sigmatiq.alert.persistence;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.AlertQueries;
import com.sigmatiq.alert.domain.Evaluation;
import com.sigmatiq.alert.domain.EvaluationLayout;
import com.sigmatiq.alert.domain.Publication;
import java.sql.Timestamp;
import java.time.Instant;
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

    @Override
    public Page<Evaluation> evaluations(String ownerId, String publicationId, Instant from, Instant to, int page, int size) {
        String where = " where owner_id = ? and publication_id = ? and bar_time >= ? and bar_time <= ?";
        Object[] p = {ownerId, publicationId, ts(from, MIN), ts(to, MAX)};
        long total = jdbc.sql("select count(*) from evaluations" + where).params(p).query(Long.class).single();
        EvaluationLayout layout = jdbc.sql("select layout::text from evaluation_layouts where publication_id = ?")
                .param(publicationId).query(String.class).optional().map(l -> json.readValue(l, EvaluationLayout.class))
                .orElse(null);
        List<Evaluation> items = jdbc.sql("select * from evaluations" + where + " order by bar_time desc limit ? offset ?")
                .params(p).param(size).param((long) page * size)
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
                .list();
        return new Page<>(items, total);
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
