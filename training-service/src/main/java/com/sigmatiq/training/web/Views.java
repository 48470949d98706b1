package com.sigmatiq.training.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.sigmatiq.ml.Hyperparameters;
import com.sigmatiq.training.domain.Artifact;
import com.sigmatiq.training.domain.Job;
import com.sigmatiq.training.domain.StepProgress;
import com.sigmatiq.training.domain.TrainedModelSummary;
import com.sigmatiq.training.domain.TrainingService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The API's answers as records (snake_case on the wire through the application's naming strategy). */
final class Views {

    private Views() {
    }

    /** {@code POST /training/jobs}: one job per selected configuration. */
    record Created(List<CreatedJob> jobs) {
    }

    record CreatedJob(UUID jobId, long comboId, String trainedModelId, String status) {
    }

    /** The seed's training job (5.2) with what it trains. */
    record JobView(UUID jobId, String modelId, String sweepId, long comboId, Integer rank, String trainedModelId,
                   String status, List<StepProgress> progress, Hyperparameters hyperparameters,
                   TrainingParams trainingParams, Map<String, Object> config,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String error, int attempts, Instant createdAt,
                   Instant startedAt, Instant completedAt, String resultUrl) {
    }

    record TrainingParams(String algorithm, String validationMethod, double testSize, String calibration,
                          double candidateFloor, DateRange dateRange) {
    }

    record DateRange(String start, String end) {
    }

    /** Seed 6.1's review. */
    record TrainedModels(List<TrainedModelSummary> trainedModels) {
    }

    record ArtifactView(String name, String sha256, long size, String url) {
    }

    record TrainedModelView(String id, UUID jobId, String modelId, String sweepId, long comboId, Double sharpeBacktest,
                            Double sharpeValidation, Double aucValidation, Instant createdAt, Map<String, Object> config,
                            Map<String, Object> effectiveConfig, String packId, String packVersion, String strategyId,
                            String ticker, String timeframe, List<ArtifactView> artifacts) {
    }

    static Created created(List<Job> jobs) {
        return new Created(jobs.stream().map(j -> new CreatedJob(j.id(), j.comboId(), j.trainedModelId(), j.status().label()))
                .toList());
    }

    static JobView job(Job j) {
        var s = j.spec();
        return new JobView(j.id(), j.modelId(), j.sweepId(), j.comboId(), j.rank(), j.trainedModelId(), j.status().label(),
                j.progress(), s.hyperparameters(), new TrainingParams("xgboost", s.validationMethod(), s.testSize(),
                s.calibration(), s.candidateFloor(), new DateRange(s.rangeStart().toString(), s.rangeEnd().toString())),
                j.config(), j.error(), j.attempts(), j.createdAt(), j.startedAt(), j.completedAt(),
                j.status().label().equals("completed") ? "/training/jobs/" + j.id() + "/result" : null);
    }

    static TrainedModelView trainedModel(TrainingService.TrainedModelDetail d) {
        TrainedModelSummary s = d.summary();
        List<ArtifactView> artifacts = d.artifacts().stream().map((Artifact a) -> new ArtifactView(a.name(), a.sha256(),
                a.size(), "/training/trained-models/" + s.id() + "/artifacts/" + a.name())).toList();
        return new TrainedModelView(s.id(), s.jobId(), s.modelId(), s.sweepId(), s.comboId(), s.sharpeBacktest(),
                s.sharpeValidation(), s.aucValidation(), s.createdAt(), d.config(), d.effectiveConfig(), d.spec().packId(),
                d.spec().packVersion(), d.spec().strategyId(), d.spec().ticker(), d.spec().timeframe(), artifacts);
    }
}
