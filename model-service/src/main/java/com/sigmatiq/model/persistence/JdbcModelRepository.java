package com.sigmatiq.model.persistence;

import com.sigmatiq.model.domain.Model;
import com.sigmatiq.model.domain.ModelRepository;
import com.sigmatiq.model.domain.ModelStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Table {@code model.models}; lists, overrides and the configuration are JSON (type {@code json}, order kept). */
@Repository
class JdbcModelRepository implements ModelRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private static final String COLUMNS = "owner_id, model_id, pack_id, pack_version, name, description, instrument, ticker, "
            + "timeframe, strategy_id, selected_indicators, selected_features, risk_profile, parameter_overrides, config, "
            + "status, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcModelRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean insert(Model m) {
        int rows = jdbc.sql("INSERT INTO models (" + COLUMNS + ") VALUES (:owner, :id, :pack, :version, :name, :description, "
                        + ":instrument, :ticker, :timeframe, :strategy, CAST(:indicators AS json), CAST(:features AS json), :risk, "
                        + "CAST(:overrides AS json), CAST(:config AS json), :status, :created, :updated) "
                        + "ON CONFLICT (owner_id, model_id) DO NOTHING")
                .param("owner", m.ownerId())
                .param("id", m.id())
                .param("pack", m.packId())
                .param("version", m.packVersion())
                .param("name", m.name())
                .param("description", m.description())
                .param("instrument", m.instrument())
                .param("ticker", m.ticker())
                .param("timeframe", m.timeframe())
                .param("strategy", m.strategyId())
                .param("indicators", json.writeValueAsString(m.selectedIndicators()))
                .param("features", json.writeValueAsString(m.selectedFeatures()))
                .param("risk", m.riskProfile())
                .param("overrides", json.writeValueAsString(m.parameterOverrides()))
                .param("config", json.writeValueAsString(m.config()))
                .param("status", m.status().label())
                .param("created", Timestamp.from(m.createdAt()))
                .param("updated", Timestamp.from(m.updatedAt()))
                .update();
        return rows == 1;
    }

    @Override
    public Optional<Model> find(String ownerId, String modelId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM models WHERE owner_id = :owner AND model_id = :id")
                .param("owner", ownerId)
                .param("id", modelId)
                .query(this::map)
                .optional();
    }

    @Override
    public Optional<Model> findForUpdate(String ownerId, String modelId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM models WHERE owner_id = :owner AND model_id = :id FOR UPDATE")
                .param("owner", ownerId)
                .param("id", modelId)
                .query(this::map)
                .optional();
    }

    @Override
    public List<Model> findAll(String ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM models WHERE owner_id = :owner ORDER BY created_at, model_id")
                .param("owner", ownerId)
                .query(this::map)
                .list();
    }

    @Override
    public void updateStatus(Model m) {
        jdbc.sql("UPDATE models SET status = :status, updated_at = :updated WHERE owner_id = :owner AND model_id = :id")
                .param("status", m.status().label())
                .param("updated", Timestamp.from(m.updatedAt()))
                .param("owner", m.ownerId())
                .param("id", m.id())
                .update();
    }

    @Override
    public void delete(Model m) {
        jdbc.sql("DELETE FROM models WHERE owner_id = :owner AND model_id = :id")
                .param("owner", m.ownerId())
                .param("id", m.id())
                .update();
    }

    private Model map(ResultSet rs, int row) throws SQLException {
        Map<String, Object> overrides = json.readValue(rs.getString("parameter_overrides"), MAP);
        Map<String, Object> config = json.readValue(rs.getString("config"), MAP);
        return new Model(rs.getString("owner_id"), rs.getString("model_id"), rs.getString("pack_id"), rs.getString("pack_version"),
                rs.getString("name"), rs.getString("description"), rs.getString("instrument"), rs.getString("ticker"),
                rs.getString("timeframe"), rs.getString("strategy_id"),
                json.readValue(rs.getString("selected_indicators"), STRINGS),
                json.readValue(rs.getString("selected_features"), STRINGS),
                rs.getString("risk_profile"), overrides, config, ModelStatus.parse(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
