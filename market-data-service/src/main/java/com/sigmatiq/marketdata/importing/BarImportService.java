package com.sigmatiq.marketdata.importing;

import com.sigmatiq.marketdata.domain.ImportMode;
import com.sigmatiq.marketdata.domain.ImportOptions;
import com.sigmatiq.marketdata.domain.ImportReport;
import com.sigmatiq.marketdata.domain.RowProblem;
import com.sigmatiq.marketdata.domain.BarStore;
import com.sigmatiq.marketdata.domain.ImportRunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Imports one bar file: reads and checks every row, then stores the good rows, the series and the import's report in
 * one transaction, so a failed import leaves the bars unchanged. Mode {@code refuse} stores nothing when any row is
 * bad (the refused run and its report are still recorded). The same content read with the same options is imported
 * once: a repeat answers the first import's report with status {@code already_imported}; writes are upserts anyway.
 */
@Service
public class BarImportService {

    private static final Logger log = LoggerFactory.getLogger(BarImportService.class);

    private final BarStore bars;
    private final ImportRunRepository runs;
    private final TransactionTemplate tx;
    private final Clock clock;

    public BarImportService(BarStore bars, ImportRunRepository runs, TransactionTemplate tx, Clock clock) {
        this.bars = bars;
        this.runs = runs;
        this.tx = tx;
        this.clock = clock;
    }

    public ImportReport importFile(String fileName, byte[] content, ImportOptions options, String importedBy) {
        long t0 = System.nanoTime();
        String sha = sha256(content);
        ParsedFile parsed;
        try {
            parsed = BarFileParser.parse(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8),
                    fileName, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String optionsKey = options.key(parsed.ticker());
        var previous = runs.findCompleted(sha, optionsKey);
        if (previous.isPresent()) {
            return previous.get().withStatus("already_imported");
        }
        List<RowProblem> problems = parsed.problems();
        int n = parsed.bars().size();
        boolean refuse = n == 0 || (!problems.isEmpty() && options.mode() == ImportMode.REFUSE);
        ImportReport report = new ImportReport(UUID.randomUUID(), fileName, sha, parsed.ticker(),
                options.exchange().getId(), parsed.timeframe() == null ? null : parsed.timeframe().label(),
                parsed.sourceZone().getId(), parsed.convention() == null ? null : parsed.convention().label(),
                parsed.detected(), options.mode().label(), refuse ? "refused" : "completed", parsed.rowsRead(),
                refuse ? 0 : n, refuse ? parsed.rowsRead() : problems.size(),
                n == 0 ? null : Instant.ofEpochMilli(parsed.bars().time()[0]),
                n == 0 ? null : Instant.ofEpochMilli(parsed.bars().time()[n - 1]),
                problems.size(), problems.size() > ImportReport.MAX_PROBLEMS
                        ? List.copyOf(problems.subList(0, ImportReport.MAX_PROBLEMS)) : List.copyOf(problems),
                importedBy, clock.instant());
        if (refuse) {
            runs.insert(report, optionsKey);
            throw new ImportRefusedException(report, n == 0
                    ? "no row of " + fileName + " is a valid bar; nothing was stored"
                    : problems.size() + " bad rows in " + fileName + "; nothing was stored (mode refuse)");
        }
        tx.executeWithoutResult(status -> {
            bars.upsertSeries(parsed.ticker(), parsed.timeframe(), options.exchange(), options.pricesSplitAdjusted());
            bars.upsertBars(parsed.ticker(), parsed.timeframe(), parsed.bars());
            runs.insert(report, optionsKey);
        });
        log.info("imported {}: {} {} bars of {} rows ({} skipped) in {} ms", fileName, n, parsed.timeframe(),
                parsed.rowsRead(), problems.size(), (System.nanoTime() - t0) / 1_000_000);
        return report;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
