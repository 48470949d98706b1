package com.sigmatiq.model.persistence;

import com.sigmatiq.model.domain.GoLiveRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link GoLiveRepository} on table {@code publication_go_live}. */
@Repository
class JdbcGoLiveRepository implements GoLiveRepository {

    private final JdbcClient jdbc;

    JdbcGoLiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(PendingGoLive p, Instant receivedAt) {
        jdbc.sql("""
                        INSERT INTO publication_go_live (published_id, owner_id, go_live_at, received_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (published_id) DO UPDATE SET go_live_at = EXCLUDED.go_live_at""")
                .params(p.publishedId(), p.ownerId(), Timestamp.from(p.goLiveAt()), Timestamp.from(receivedAt)).update();
    }

    @Override
    public List<PendingGoLive> due(Instant now) {
        return jdbc.sql("SELECT owner_id, published_id, go_live_at FROM publication_go_live WHERE go_live_at <= ? ORDER BY go_live_at")
                .param(Timestamp.from(now))
                .query((rs, n) -> new PendingGoLive(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    @Override
    public void delete(String publishedId) {
        jdbc.sql("DELETE FROM publication_go_live WHERE published_id = ?").param(publishedId).update();
    }
}
