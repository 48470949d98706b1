package com.sigmatiq.contracts.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Payload of {@value #TYPE} on {@code sweep.events} (envelope subject = sweep id, owner = the sweep's
 * user): every combination of the sweep has a stored result. model-service moves the model to {@code swept}.
 */
public record SweepCompleted(
        @JsonProperty("sweep_id") String sweepId,
        @JsonProperty("model_id") String modelId,
        @JsonProperty("total_combinations") long totalCombinations,
        @JsonProperty("passed_gates") long passedGates,
        @JsonProperty("failed_gates") long failedGates,
        @JsonProperty("best_combo_id") Long bestComboId,
        @JsonProperty("best_sharpe") Double bestSharpe,
        @JsonProperty("completed_at") Instant completedAt) {

    public static final String TYPE = "sweep.completed";
}
