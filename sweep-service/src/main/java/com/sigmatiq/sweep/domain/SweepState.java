package com.sigmatiq.sweep.domain;

import java.time.Instant;

/** A stored sweep and where it stands. */
public record SweepState(SweepSpec spec, SweepStatus status, long done, Long passed, Double trialSharpeVariance,
                         Instant createdAt, Instant startedAt, Instant completedAt, Instant lastProgressAt) {
}
