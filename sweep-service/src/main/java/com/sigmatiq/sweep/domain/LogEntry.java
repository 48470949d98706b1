package com.sigmatiq.sweep.domain;

import java.time.Instant;

/** One line of a sweep's execution log (the seed's {@code {timestamp, status, message}}). */
public record LogEntry(Instant timestamp, String status, String message) {
}
