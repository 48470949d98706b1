package com.sigmatiq.pilot.persistence;

import com.sigmatiq.pilot.domain.ReconciliationReport;
import com.sigmatiq.pilot.domain.ReconciliationStore;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** {@link ReconciliationStore} on table {@code reconciliation}. */
@Repository
class JdbcReconciliationStore implements ReconciliationStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcReconciliationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void save(ReconciliationReport r) {
        jdbc.sql("""
                        insert into reconciliation (account_id, report, at) values (?, ?::jsonb, ?)
                        on conflict (account_id) do update set report = excluded.report, at = excluded.at""")
                .params(r.accountId(), json.writeValueAsString(r), Timestamp.from(r.at())).update();
    }

    @Override
    public Optional<ReconciliationReport> last(String accountId) {
        return jdbc.sql("select report from reconciliation where account_id = ?").param(accountId)
                .query((rs, n) -> json.readValue(rs.getString(1), ReconciliationReport.class)).optional();
    }
}
