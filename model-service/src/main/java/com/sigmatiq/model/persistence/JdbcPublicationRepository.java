package com.sigmatiq.model.persistence;

import com.sigmatiq.model.domain.Feed;
import com.sigmatiq.model.domain.Publication;
import com.sigmatiq.model.domain.PublicationRepository;
import com.sigmatiq.model.domain.PublicationStatus;
import com.sigmatiq.model.domain.PublishSettings;
import com.sigmatiq.model.domain.StatusChange;
import com.sigmatiq.model.domain.TrainedModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Tables {@code model.publications} and {@code model.publication_status_history}. */
@Repository
class JdbcPublicationRepository implements PublicationRepository {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<java.util.TreeMap<String, Double>> RULES = new TypeReference<>() { };
    private static final String COLUMNS = "published_id, owner_id, model_id, trained_model_id, combo_id, ticker, timeframe, "
            + "pack_id, pack_version, strategy_id, effective_config, name, description, alert_frequency, max_alerts_per_day, "
            + "paper_trade_first, paper_trade_duration_days, paper_equity, replay_id, status, paused_from, paper_trade_start, "
            + "paper_trade_end, live_date, published_at, updated_at, paper_recommendation, recommendation_rules";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcPublicationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean insert(Publication p) {
        TrainedModel t = p.trainedModel();
        PublishSettings s = p.settings();
        int rows = jdbc.sql("INSERT INTO publications (" + COLUMNS + ") VALUES (:id, :owner, :model, :trained, :combo, :ticker, "
                        + ":timeframe, :pack, :version, :strategy, CAST(:config AS json), :name, :description, :frequency, :maxAlerts, "
                        + ":paperFirst, :paperDays, :equity, :replay, :status, :pausedFrom, :paperStart, :paperEnd, :liveDate, "
                        + ":published, :updated, :recommendation, CAST(:rules AS jsonb)) "
                        + "ON CONFLICT (owner_id, trained_model_id) WHERE status <> 'retired' DO NOTHING")
                .param("id", p.id())
                .param("owner", p.ownerId())
                .param("model", t.modelId())
                .param("trained", t.id())
                .param("combo", t.comboId())
                .param("ticker", t.ticker())
                .param("timeframe", t.timeframe())
                .param("pack", t.packId())
                .param("version", t.packVersion())
                .param("strategy", t.strategyId())
                .param("config", json.writeValueAsString(t.effectiveConfig()))
                .param("name", s.name())
                .param("description", s.description())
                .param("frequency", s.alertFrequency())
                .param("maxAlerts", s.maxAlertsPerDay())
                .param("paperFirst", s.paperTradeFirst())
                .param("paperDays", s.paperTradeDurationDays())
                .param("rules", json.writeValueAsString(s.recommendationRules()))
                .param("equity", p.paperEquity())
                .param("replay", p.feed().replayId())
                .param("status", p.status().label())
                .param("pausedFrom", p.pausedFrom() == null ? null : p.pausedFrom().label())
                .param("paperStart", timestamp(p.paperTradeStart()))
                .param("paperEnd", timestamp(p.paperTradeEnd()))
                .param("liveDate", timestamp(p.liveDate()))
                .param("published", timestamp(p.publishedAt()))
                .param("updated", timestamp(p.updatedAt()))
                .param("recommendation", p.paperRecommendation())
                .update();
        if (rows != 1) {
            return false;
        }
        for (int i = 0; i < p.history().size(); i++) {
            insertHistory(p.id(), i, p.history().get(i));
        }
        return true;
    }

    @Override
    public Optional<Publication> find(String ownerId, String publishedId) {
        return one(ownerId, publishedId, "");
    }

    @Override
    public Optional<Publication> findForUpdate(String ownerId, String publishedId) {
        return one(ownerId, publishedId, " FOR UPDATE");
    }

    private Optional<Publication> one(String ownerId, String publishedId, String lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publications WHERE owner_id = :owner AND published_id = :id" + lock)
                .param("owner", ownerId)
                .param("id", publishedId)
                .query((rs, row) -> map(rs, List.of()))
                .optional()
                .map(p -> withHistory(p, history(List.of(p.id()))));
    }

    @Override
    public List<Publication> findAll(String ownerId) {
        List<Publication> shells = jdbc.sql("SELECT " + COLUMNS + " FROM publications WHERE owner_id = :owner "
                        + "ORDER BY published_at DESC, seq DESC")
                .param("owner", ownerId)
                .query((rs, row) -> map(rs, List.of()))
                .list();
        if (shells.isEmpty()) {
            return shells;
        }
        Map<String, List<StatusChange>> histories = history(shells.stream().map(Publication::id).toList());
        return shells.stream().map(p -> withHistory(p, histories)).toList();
    }

    private static Publication withHistory(Publication p, Map<String, List<StatusChange>> histories) {
        return new Publication(p.ownerId(), p.id(), p.trainedModel(), p.settings(), p.paperEquity(), p.feed(), p.status(),
                p.pausedFrom(), p.paperTradeStart(), p.paperTradeEnd(), p.liveDate(), p.publishedAt(), p.updatedAt(),
                histories.getOrDefault(p.id(), List.of()), p.paperRecommendation());
    }

    @Override
    public Optional<String> activeFor(String ownerId, String trainedModelId) {
        return jdbc.sql("SELECT published_id FROM publications WHERE owner_id = :owner AND trained_model_id = :trained "
                        + "AND status <> 'retired'")
                .param("owner", ownerId)
                .param("trained", trainedModelId)
                .query(String.class)
                .optional();
    }

    @Override
    public List<String> activeOfModel(String ownerId, String modelId) {
        return jdbc.sql("SELECT published_id FROM publications WHERE owner_id = :owner AND model_id = :model "
                        + "AND status <> 'retired' ORDER BY published_at, seq")
                .param("owner", ownerId)
                .param("model", modelId)
                .query(String.class)
                .list();
    }

    @Override
    public void updateStatus(Publication p) {
        jdbc.sql("UPDATE publications SET status = :status, paused_from = :pausedFrom, updated_at = :updated, "
                        + "paper_recommendation = :recommendation WHERE owner_id = :owner AND published_id = :id")
                .param("status", p.status().label())
                .param("recommendation", p.paperRecommendation())
                .param("pausedFrom", p.pausedFrom() == null ? null : p.pausedFrom().label())
                .param("updated", timestamp(p.updatedAt()))
                .param("owner", p.ownerId())
                .param("id", p.id())
                .update();
        int last = p.history().size() - 1;
        insertHistory(p.id(), last, p.history().get(last));
    }

    private void insertHistory(String publishedId, int seq, StatusChange c) {
        jdbc.sql("INSERT INTO publication_status_history (published_id, seq, from_status, to_status, at, reason) "
                        + "VALUES (:id, :seq, :from, :to, :at, :reason)")
                .param("id", publishedId)
                .param("seq", seq)
                .param("from", c.from() == null ? null : c.from().label())
                .param("to", c.to().label())
                .param("at", timestamp(c.at()))
                .param("reason", c.reason())
                .update();
    }

    private Map<String, List<StatusChange>> history(List<String> publishedIds) {
        Map<String, List<StatusChange>> out = new HashMap<>();
        jdbc.sql("SELECT published_id, from_status, to_status, at, reason FROM publication_status_history "
                        + "WHERE published_id IN (:ids) ORDER BY published_id, seq")
                .param("ids", publishedIds)
                .query(rs -> {
                    String from = rs.getString("from_status");
                    out.computeIfAbsent(rs.getString("published_id"), k -> new ArrayList<>()).add(new StatusChange(
                            from == null ? null : PublicationStatus.parse(from), PublicationStatus.parse(rs.getString("to_status")),
                            rs.getTimestamp("at").toInstant(), rs.getString("reason")));
                });
        return out;
    }

    private Publication map(ResultSet rs, List<StatusChange> history) throws SQLException {
        TrainedModel t = new TrainedModel(rs.getString("trained_model_id"), rs.getString("model_id"), rs.getLong("combo_id"),
                rs.getString("ticker"), rs.getString("timeframe"), rs.getString("pack_id"), rs.getString("pack_version"),
                rs.getString("strategy_id"), json.readValue(rs.getString("effective_config"), MAP));
        int days = rs.getInt("paper_trade_duration_days");
        Integer paperDays = rs.wasNull() ? null : days;
        PublishSettings s = new PublishSettings(rs.getString("name"), rs.getString("description"),
                rs.getString("alert_frequency"), rs.getInt("max_alerts_per_day"), rs.getBoolean("paper_trade_first"), paperDays,
                json.readValue(rs.getString("recommendation_rules"), RULES));
        String pausedFrom = rs.getString("paused_from");
        return new Publication(rs.getString("owner_id"), rs.getString("published_id"), t, s, rs.getDouble("paper_equity"),
                new Feed(rs.getString("replay_id")), PublicationStatus.parse(rs.getString("status")),
                pausedFrom == null ? null : PublicationStatus.parse(pausedFrom), instant(rs, "paper_trade_start"),
                instant(rs, "paper_trade_end"), instant(rs, "live_date"), instant(rs, "published_at"),
                instant(rs, "updated_at"), history, rs.getString("paper_recommendation"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
