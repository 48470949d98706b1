package com.sigmatiq.alert.persistence;

import com.sigmatiq.alert.domain.DestinationRepository;
import com.sigmatiq.alert.domain.StoredDestination;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link DestinationRepository} on PostgreSQL: one row per (owner, publication id), the webhook secret sealed. */
@Repository
class JdbcDestinationRepository implements DestinationRepository {

    private static final String COLUMNS = "publication_id, email, push_url, push_secret_sealed, updated_at";

    private final JdbcClient jdbc;

    JdbcDestinationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(String ownerId, String publicationId, String email, String pushUrl, byte[] pushSecretSealed,
                     Instant now) {
        jdbc.sql("""
                insert into destinations (owner_id, publication_id, email, push_url, push_secret_sealed, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (owner_id, publication_id) do update set email = excluded.email,
                    push_url = excluded.push_url, push_secret_sealed = excluded.push_secret_sealed,
                    updated_at = excluded.updated_at""")
                .params(ownerId, publicationId, email, pushUrl, pushSecretSealed, Timestamp.from(now)).update();
    }

    @Override
    public Optional<StoredDestination> find(String ownerId, String publicationId) {
        return jdbc.sql("select " + COLUMNS + " from destinations where owner_id = ? and publication_id = ?")
                .params(ownerId, publicationId).query(JdbcDestinationRepository::row).optional();
    }

    @Override
    public List<StoredDestination> list(String ownerId) {
        return jdbc.sql("select " + COLUMNS + " from destinations where owner_id = ? order by publication_id")
                .params(ownerId).query(JdbcDestinationRepository::row).list();
    }

    private static StoredDestination row(ResultSet rs, int i) throws SQLException {
        return new StoredDestination(rs.getString("publication_id"), rs.getString("email"), rs.getString("push_url"),
                rs.getBytes("push_secret_sealed"), rs.getTimestamp("updated_at").toInstant());
    }
}
