package com.sigmatiq.sweep.domain;

import java.util.List;
import java.util.UUID;

/** A Kafka result message: the results of some work units of one sweep, every combination of each unit. */
public record ResultBatch(UUID sweepId, List<ComboResult> results) {
}
