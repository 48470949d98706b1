package com.sigmatiq.pack.persistence;

import com.sigmatiq.pack.domain.PackMetadata;
import com.sigmatiq.pack.domain.PackSummary;
import com.sigmatiq.pack.domain.PackVersion;
import com.sigmatiq.pack.domain.PackVersionStore;
import com.sigmatiq.pack.domain.PackVersionSummary;
import com.sigmatiq.pack.domain.VersionOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** {@link PackVersionStore} on tables {@code pack} and {@code pack_version}; see {@code V1__packs.sql}. */
@Repository
class JdbcPackVersionStore implements PackVersionStore {

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {
    };

    /** Its own mapper, so the stored JSON does not change with the web layer's settings. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final JdbcClient jdbc;

    JdbcPackVersionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PackSummary> packs() {
        return jdbc.sql("""
                        select p.id, p.name, p.latest_version, v.metadata
                        from pack p join pack_version v on v.pack_id = p.id and v.version = p.latest_version
                        order by p.id""")
                .query((rs, n) -> {
                    PackMetadata m = metadata(rs);
                    return new PackSummary(rs.getString("id"), rs.getString("name"), rs.getString("latest_version"),
                            m.description(), m.strategies());
                })
                .list();
    }

    @Override
    public boolean exists(String packId) {
        return jdbc.sql("select count(*) from pack where id = ?").param(packId).query(Long.class).single() > 0;
    }

    @Override
    public Optional<String> latestVersion(String packId) {
        return jdbc.sql("select latest_version from pack where id = ?").param(packId).query(String.class).optional();
    }

    @Override
    public List<PackVersionSummary> versions(String packId) {
        return jdbc.sql("""
                        select pack_id, version, content_hash, uploaded_by, created_at
                        from pack_version where pack_id = ?""")
                .param(packId)
                .query((rs, n) -> new PackVersionSummary(rs.getString("pack_id"), rs.getString("version"),
                        rs.getString("content_hash"), rs.getString("uploaded_by"), rs.getTimestamp("created_at").toInstant()))
                .list().stream()
                .sorted(Comparator.comparing(PackVersionSummary::version, VersionOrder.ASCENDING.reversed()))
                .toList();
    }

    @Override
    public Optional<PackVersion> version(String packId, String version) {
        return jdbc.sql("""
                        select pack_id, version, content_hash, files, metadata, uploaded_by, created_at
                        from pack_version where pack_id = ? and version = ?""")
                .params(packId, version)
                .query((rs, n) -> new PackVersion(rs.getString("pack_id"), rs.getString("version"),
                        rs.getString("content_hash"), JSON.readValue(rs.getString("files"), FILES), metadata(rs),
                        rs.getString("uploaded_by"), rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    @Override
    @Transactional
    public Optional<String> insertIfAbsent(PackVersion v) {
        Timestamp now = Timestamp.from(v.createdAt());
        jdbc.sql("""
                        insert into pack (id, name, latest_version, created_at, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (id) do nothing""")
                .params(v.packId(), v.metadata().name(), v.version(), now, now)
                .update();
        // serialise writers of this pack: the version check and the latest-version move below see one state
        String latest = jdbc.sql("select latest_version from pack where id = ? for update")
                .param(v.packId()).query(String.class).single();
        Optional<String> stored = jdbc.sql("select content_hash from pack_version where pack_id = ? and version = ?")
                .params(v.packId(), v.version()).query(String.class).optional();
        if (stored.isPresent()) {
            return stored;
        }
        jdbc.sql("""
                        insert into pack_version (pack_id, version, content_hash, files, metadata, uploaded_by, created_at)
                        values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(v.packId(), v.version(), v.contentHash(), JSON.writeValueAsString(v.files()),
                        JSON.writeValueAsString(v.metadata()), v.uploadedBy(), now)
                .update();
        if (VersionOrder.compare(v.version(), latest) >= 0) {
            jdbc.sql("update pack set latest_version = ?, name = ?, updated_at = ? where id = ?")
                    .params(v.version(), v.metadata().name(), now, v.packId())
                    .update();
        }
        return Optional.empty();
    }

    private static PackMetadata metadata(ResultSet rs) throws SQLException {
        return JSON.readValue(rs.getString("metadata"), PackMetadata.class);
    }
}
