package com.sigmatiq.training.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A training job as stored. */
public record Job(UUID id, UUID inputsId, String ownerId, String modelId, String sweepId, long comboId, Integer rank,
                  String trainedModelId, Map<String, Object> config, Map<String, Object> effectiveConfig, JobSpec spec,
                  Double sharpeBacktest, JobStatus status, List<StepProgress> progress, String error, int attempts,
                  Instant createdAt, Instant startedAt, Instant completedAt) {
}
