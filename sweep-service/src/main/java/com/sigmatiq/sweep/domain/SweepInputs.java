package com.sigmatiq.sweep.domain;

import java.util.Map;

/**
 * The data a sweep was created with, kept with it so that workers (which run without the user's token) and later
 * result pages recompute exactly what was swept.
 *
 * @param packFiles the pack version's files (name → YAML)
 * @param barsCsv   the bars as market-data-service sent them (CSV, bar-start ISO times)
 */
public record SweepInputs(Map<String, String> packFiles, byte[] barsCsv) {
}
