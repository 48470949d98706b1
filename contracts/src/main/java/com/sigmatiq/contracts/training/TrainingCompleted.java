package com.sigmatiq.contracts.training;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Payload of {@value #TYPE} on {@code training.events} (envelope subject = job id, owner = the job's user): a
 * training job stored its result and artifacts. model-service moves the model to {@code trained}.
 */
public record TrainingCompleted(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("model_id") String modelId,
        @JsonProperty("trained_model_id") String trainedModelId,
        @JsonProperty("combo_id") long comboId,
        @JsonProperty("sweep_id") String sweepId,
        @JsonProperty("sharpe_backtest") Double sharpeBacktest,
        @JsonProperty("sharpe_validation") Double sharpeValidation,
        @JsonProperty("auc_validation") Double aucValidation,
        @JsonProperty("completed_at") Instant completedAt) {

    public static final String TYPE = "training.completed";
}
