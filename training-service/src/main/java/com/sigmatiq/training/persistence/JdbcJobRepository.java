package com.sigmatiq.training.persistence;

import com.sigmatiq.training.domain.Artifact;
import com.sigmatiq.training.domain.Job;
import com.sigmatiq.training.domain.JobCodec;
import com.sigmatiq.training.domain.JobInputs;
import com.sigmatiq.training.domain.JobRepository;
import com.sigmatiq.training.domain.JobStatus;
import com.sigmatiq.training.domain.NewJob;
import com.sigmatiq.training.domain.StepProgress;
import com.sigmatiq.training.domain.TrainedModelSummary;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link JobRepository} on PostgreSQL (schema {@code training}); JSON columns through the application's mapper. */
@Repository
class JdbcJobRepository implements JobRepository {

    private static final String JOB_COLUMNS = "id, inputs_id, owner_id, model_id, sweep_id, combo_id, rank, trained_model_id,"
            + " config::text as config, effective_config::text as effective_config, spec::text as spec, sharpe_backtest,"
            + " status, progress::text as progress, error, attempts, created_at, started_at, completed_at";

    private final JdbcClient jdbc;
    private final JobCodec codec;

    JdbcJobRepository(JdbcClient jdbc, JobCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    @Override
    @Transactional
    public List<Job> create(UUID inputsId, String ownerId, JobInputs inputs, List<NewJob> jobs, Instant now) {
        jdbc.sql("insert into training_inputs (id, owner_id, pack_files, bars_csv, created_at) values (?, ?, ?::jsonb, ?, ?)")
                .params(inputsId, ownerId, codec.write(inputs.packFiles()), inputs.barsCsv(), ts(now)).update();
        List<Job> out = new ArrayList<>();
        String progress = codec.write(StepProgress.initial());
        for (NewJob j : jobs) {
            // numbers per owner and model, one request at a time
            jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(j.ownerId() + "/" + j.modelId()).query().singleRow();
            int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from training_jobs where owner_id = ? and model_id = ?")
                    .params(j.ownerId(), j.modelId()).query(Integer.class).single();
            String trained = String.format("%s_trained_%03d", j.modelId(), seq);
            jdbc.sql("insert into training_jobs (id, inputs_id, owner_id, model_id, sweep_id, combo_id, rank, seq, trained_model_id,"
                            + " config, effective_config, spec, sharpe_backtest, status, progress, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, 'queued', ?::jsonb, ?)")
                    .params(j.id(), inputsId, j.ownerId(), j.modelId(), j.sweepId(), j.comboId(), j.rank(), seq, trained,
                            codec.write(j.config()), codec.write(j.effectiveConfig()), codec.write(j.spec()), j.sharpeBacktest(),
                            progress, ts(now))
                    .update();
            out.add(find(j.id()).orElseThrow());
        }
        return out;
    }

    @Override
    public Optional<Job> find(UUID id) {
        return jdbc.sql("select " + JOB_COLUMNS + " from training_jobs where id = ?").param(id).query(this::job).optional();
    }

    @Override
    public Optional<Job> find(UUID id, String ownerId) {
        return jdbc.sql("select " + JOB_COLUMNS + " from training_jobs where id = ? and owner_id = ?").params(id, ownerId)
                .query(this::job).optional();
    }

    @Override
    public JobInputs inputs(UUID inputsId) {
        return jdbc.sql("select pack_files::text as pack_files, bars_csv from training_inputs where id = ?").param(inputsId)
                .query((rs, n) -> new JobInputs(codec.stringMap(rs.getString("pack_files")), rs.getBytes("bars_csv")))
                .single();
    }

    @Override
    public void started(UUID id, String worker, Instant now) {
        jdbc.sql("update training_jobs set status = 'training', attempts = attempts + 1, worker = ?, progress = ?::jsonb,"
                        + " started_at = coalesce(started_at, ?), heartbeat_at = ? where id = ? and status in ('queued', 'training')")
                .params(worker, codec.write(StepProgress.initial()), ts(now), ts(now), id).update();
    }

    @Override
    public void progress(UUID id, List<StepProgress> progress, Instant now) {
        jdbc.sql("update training_jobs set progress = ?::jsonb, heartbeat_at = ? where id = ? and status = 'training'")
                .params(codec.write(progress), ts(now), id).update();
    }

    @Override
    @Transactional
    public boolean complete(UUID id, String ownerId, String reportJson, Map<String, byte[]> artifacts,
                            List<StepProgress> progress, Instant now) {
        int won = jdbc.sql("update training_jobs set status = 'completed', progress = ?::jsonb, completed_at = ?, error = null,"
                        + " heartbeat_at = ? where id = ? and status <> 'completed'")
                .params(codec.write(progress), ts(now), ts(now), id).update();
        if (won == 0) {
            return false;
        }
        jdbc.sql("insert into training_results (job_id, owner_id, report, created_at) values (?, ?, ?::jsonb, ?)")
                .params(id, ownerId, reportJson, ts(now)).update();
        for (Map.Entry<String, byte[]> a : artifacts.entrySet()) {
            jdbc.sql("insert into training_artifacts (job_id, name, content, sha256, size_bytes) values (?, ?, ?, ?, ?)")
                    .params(id, a.getKey(), a.getValue(), sha256(a.getValue()), a.getValue().length).update();
        }
        return true;
    }

    @Override
    public void fail(UUID id, String error, Instant now) {
        jdbc.sql("update training_jobs set status = 'failed', error = ?, completed_at = ? where id = ? and status <> 'completed'")
                .params(error, ts(now), id).update();
    }

    @Override
    public Optional<String> result(UUID jobId) {
        return jdbc.sql("select report::text from training_results where job_id = ?").param(jobId).query(String.class).optional();
    }

    @Override
    public List<TrainedModelSummary> trainedModels(String ownerId, String modelId) {
        return jdbc.sql("select j.trained_model_id, j.id, j.model_id, j.sweep_id, j.combo_id, j.sharpe_backtest,"
                        + " (r.report ->> 'sharpe_validation')::double precision as sharpe_validation,"
                        + " (r.report -> 'metrics' -> 'validation' ->> 'auc_roc')::double precision as auc_validation,"
                        + " r.created_at from training_jobs j join training_results r on r.job_id = j.id"
                        + " where j.owner_id = ? and (cast(? as text) is null or j.model_id = ?) order by r.created_at desc, j.seq desc")
                .params(ownerId, modelId, modelId)
                .query((rs, n) -> new TrainedModelSummary(rs.getString("trained_model_id"), rs.getObject("id", UUID.class),
                        rs.getString("model_id"), rs.getString("sweep_id"), rs.getLong("combo_id"), dbl(rs, "sharpe_backtest"),
                        dbl(rs, "sharpe_validation"), dbl(rs, "auc_validation"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    public Optional<Job> findByTrainedModel(String ownerId, String trainedModelId) {
        return jdbc.sql("select " + JOB_COLUMNS + " from training_jobs where owner_id = ? and trained_model_id = ?")
                .params(ownerId, trainedModelId).query(this::job).optional();
    }

    @Override
    public List<Artifact> artifacts(UUID jobId) {
        return jdbc.sql("select name, sha256, size_bytes from training_artifacts where job_id = ? order by name").param(jobId)
                .query((rs, n) -> new Artifact(rs.getString("name"), rs.getString("sha256"), rs.getLong("size_bytes"))).list();
    }

    @Override
    public Optional<byte[]> artifact(UUID jobId, String name) {
        return jdbc.sql("select content from training_artifacts where job_id = ? and name = ?").params(jobId, name)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    @Override
    public List<UUID> stalled(Instant queuedBefore, Instant silentSince) {
        return jdbc.sql("select id from training_jobs where (status = 'queued' and created_at < ?)"
                        + " or (status = 'training' and heartbeat_at < ?) order by created_at")
                .params(ts(queuedBefore), ts(silentSince)).query(UUID.class).list();
    }

    private Job job(ResultSet rs, int row) throws SQLException {
        return new Job(rs.getObject("id", UUID.class), rs.getObject("inputs_id", UUID.class), rs.getString("owner_id"),
                rs.getString("model_id"), rs.getString("sweep_id"), rs.getLong("combo_id"), (Integer) rs.getObject("rank"),
                rs.getString("trained_model_id"), codec.map(rs.getString("config")), codec.map(rs.getString("effective_config")),
                codec.spec(rs.getString("spec")), dbl(rs, "sharpe_backtest"), JobStatus.parse(rs.getString("status")),
                codec.progress(rs.getString("progress")), rs.getString("error"), rs.getInt("attempts"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "completed_at"));
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
