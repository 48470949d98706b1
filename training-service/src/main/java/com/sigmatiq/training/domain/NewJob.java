package com.sigmatiq.training.domain;

import java.util.Map;
import java.util.UUID;

/** A job to create; its number and trained model id are given by the repository. */
public record NewJob(UUID id, String ownerId, String modelId, String sweepId, long comboId, Integer rank,
                     Map<String, Object> config, Map<String, Object> effectiveConfig, JobSpec spec,
                     Double sharpeBacktest) {
}
