package com.sigmatiq.marketdata.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of one import.
 *
 * @param status          {@code completed}, {@code refused} (nothing stored) or {@code already_imported} (the same file
 *                        with the same options was imported before; nothing changed; {@code importId} is that import)
 * @param detected        what was detected rather than given, in words
 * @param problems        the bad rows (at most {@link #MAX_PROBLEMS}; {@code problemCount} is the total)
 */
public record ImportReport(UUID importId, String fileName, String contentSha256, String ticker, String exchange,
                           String timeframe, String sourceZone, String barConvention, List<String> detected,
                           String mode, String status, int rowsRead, int barsStored, int rowsSkipped,
                           Instant firstBar, Instant lastBar, int problemCount, List<RowProblem> problems,
                           String importedBy, Instant importedAt) {

    public static final int MAX_PROBLEMS = 1000;

    public ImportReport {
        fileName = RowProblem.storable(fileName);
    }

    public ImportReport withStatus(String s) {
        return new ImportReport(importId, fileName, contentSha256, ticker, exchange, timeframe, sourceZone, barConvention,
                detected, mode, s, rowsRead, barsStored, rowsSkipped, firstBar, lastBar, problemCount, problems,
                importedBy, importedAt);
    }
}
