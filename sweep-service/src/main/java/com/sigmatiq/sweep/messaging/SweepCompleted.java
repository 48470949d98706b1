package com.sigmatiq.sweep.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Payload of {@value #TYPE} on {@code sweep.events} (envelope subject = sweep id). Belongs in contracts
 * ({@code com.sigmatiq.contracts.sweep}) once the lead adds it there.
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
