package com.sigmatiq.training.domain;

import java.time.Instant;
import java.util.UUID;

/** A completed job's trained model, as the review of seed 6.1 lists it. */
public record TrainedModelSummary(String id, UUID jobId, String modelId, String sweepId, long comboId,
                                  Double sharpeBacktest, Double sharpeValidation, Double aucValidation,
                                  Instant createdAt) {
}
