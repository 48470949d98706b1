package com.sigmatiq.training.domain;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.ml.MetaLabelTrainer;
import com.sigmatiq.ml.TrainingReport;
import com.sigmatiq.ml.TrainingStep;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trains one job: its stored inputs through {@link MetaLabelTrainer}, each of the five steps written as it starts
 * and ends, then the result, the artifacts and {@code training.completed} in one transaction
 * ({@link JobCompletion}). A job already completed is skipped; one started by a worker that died is trained again
 * from the start (training is deterministic, and only the first completion is stored). A job that cannot be trained
 * (its data refuses) fails with the reason; anything else (database, broker) is thrown, so the message is
 * delivered again.
 */
@Component
public class TrainingWorker {

    private static final Logger log = LoggerFactory.getLogger(TrainingWorker.class);

    private final JobRepository repository;
    private final JobCompletion completion;
    private final JobCodec codec;
    private final Clock clock;
    private final String workerId = ManagementFactory.getRuntimeMXBean().getName();

    public TrainingWorker(JobRepository repository, JobCompletion completion, JobCodec codec, Clock clock) {
        this.repository = repository;
        this.completion = completion;
        this.codec = codec;
        this.clock = clock;
    }

    public void run(UUID jobId) {
        Job job = repository.find(jobId).orElse(null);
        if (job == null) {
            log.warn("training job {} does not exist; message dropped", jobId);
            return;
        }
        if (job.status().terminal()) {
            log.debug("training job {} is already {}", jobId, job.status().label());
            return;
        }
        if (job.attempts() > 0) {
            log.info("training job {} starts again (attempt {}; the last worker stopped)", jobId, job.attempts() + 1);
        }
        repository.started(jobId, workerId, clock.instant());
        long t0 = System.nanoTime();
        MetaLabelTrainer.Outcome outcome;
        Progress progress = new Progress(jobId);
        try {
            JobInputs in = repository.inputs(job.inputsId());
            Pack pack = JobCodec.pack(in.packFiles());
            BarSeries bars = JobCodec.bars(in.barsCsv(), job.spec().ticker(), Timeframe.parse(job.spec().timeframe()));
            outcome = MetaLabelTrainer.train(JobCodec.request(job.spec(),
                    JobCodec.config(pack, job.spec().strategyId(), job.effectiveConfig()), bars), progress);
        } catch (IllegalArgumentException e) {
            log.warn("training job {} failed: {}", jobId, e.getMessage());
            repository.fail(jobId, e.getMessage(), clock.instant());
            return;
        }
        try (var model = outcome.model()) {
            TrainingReport report = withJob(outcome.report(), job);
            boolean stored = completion.complete(job, report, model.artifacts(), progress.steps);
            log.info("training job {} ({}) {} in {} ms: validation AUC {}, Sharpe {} (backtest {})", jobId,
                    job.trainedModelId(), stored ? "completed" : "was already completed", (System.nanoTime() - t0) / 1_000_000,
                    report.metrics().validation().aucRoc(), report.sharpeValidation(), report.sharpeBacktest());
        }
    }

    /** The trainer's report with the job's names, the sweep's Sharpe and the artifacts' download paths. */
    static TrainingReport withJob(TrainingReport r, Job job) {
        String base = "/training/trained-models/" + job.trainedModelId() + "/artifacts/";
        TrainingReport.ModelArtifacts a = r.modelArtifacts();
        return r.withJob(job.id().toString(), job.modelId(), job.trainedModelId(), job.comboId(), job.sweepId(),
                new TrainingReport.ModelArtifacts(base + a.modelFile(), base + a.featureSchemaFile(),
                        base + a.calibrationFile(), base + a.metadataFile()), job.sharpeBacktest());
    }

    /** Writes each step as it starts and ends. */
    private final class Progress implements TrainingStep.Listener {
        private final UUID jobId;
        List<StepProgress> steps = StepProgress.initial();

        Progress(UUID jobId) {
            this.jobId = jobId;
        }

        @Override
        public void started(TrainingStep step) {
            steps = StepProgress.with(steps, step, StepProgress.IN_PROGRESS, null);
            repository.progress(jobId, steps, clock.instant());
        }

        @Override
        public void finished(TrainingStep step, long nanos) {
            steps = StepProgress.with(steps, step, StepProgress.COMPLETE, Math.round(nanos / 1e6) / 1000.0);
            if (step != TrainingStep.CALIBRATION) {
                repository.progress(jobId, steps, clock.instant()); // the last one is written with the result
            }
        }
    }
}
