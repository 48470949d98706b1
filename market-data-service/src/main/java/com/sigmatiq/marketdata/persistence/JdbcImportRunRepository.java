package com.sigmatiq.marketdata.persistence;

import com.sigmatiq.marketdata.domain.ImportReport;
import com.sigmatiq.marketdata.domain.ImportRunRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Import runs and their reports (table {@code marketdata.import_run}). */
@Repository
public class JdbcImportRunRepository implements ImportRunRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcImportRunRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void insert(ImportReport r, String optionsKey) {
        jdbc.sql("""
                insert into import_run (id, file_name, content_sha256, options_key, ticker, timeframe, mode, status,
                    rows_read, bars_stored, rows_skipped, imported_by, imported_at, report)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(r.importId(), r.fileName(), r.contentSha256(), optionsKey, r.ticker(), r.timeframe(), r.mode(),
                        r.status(), r.rowsRead(), r.barsStored(), r.rowsSkipped(), r.importedBy(),
                        Timestamp.from(r.importedAt()), json.writeValueAsString(r))
                .update();
    }

    /** The completed import of the same content read with the same options, if any. */
    @Override
    public Optional<ImportReport> findCompleted(String sha256, String optionsKey) {
        return jdbc.sql("select report from import_run where content_sha256 = ? and options_key = ? and status = 'completed' "
                        + "order by imported_at limit 1")
                .params(sha256, optionsKey).query(String.class).optional().map(this::read);
    }

    @Override
    public Optional<ImportReport> find(UUID id) {
        return jdbc.sql("select report from import_run where id = ?").param(id).query(String.class).optional().map(this::read);
    }

    @Override
    public List<ImportReport> recent(int limit) {
        return jdbc.sql("select report from import_run order by imported_at desc limit ?").param(limit)
                .query(String.class).list().stream().map(this::read).toList();
    }

    private ImportReport read(String s) {
        return json.readValue(s, ImportReport.class);
    }
}
