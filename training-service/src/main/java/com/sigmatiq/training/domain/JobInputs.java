package com.sigmatiq.training.domain;

import java.util.Map;

/**
 * The data a request was made with, kept so that workers (which have no user token) and a job run again after a
 * crash train on exactly the same files.
 *
 * @param packFiles the pack version's files (name → YAML)
 * @param barsCsv   the bars as market-data-service sent them (CSV, bar-start ISO times, every bar the data has)
 */
public record JobInputs(Map<String, String> packFiles, byte[] barsCsv) {
}
