package com.sigmatiq.sweep.domain;

import java.util.List;
import java.util.UUID;

/** A Kafka work message: some work units of one sweep. */
public record WorkChunk(UUID sweepId, List<Long> units) {
}
