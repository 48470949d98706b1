package com.sigmatiq.sweep.domain;

import com.sigmatiq.engine.metrics.MetricsCalculator;
import com.sigmatiq.engine.sweep.SweepSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a sweep's work units out in chunks, stores the results that come back (idempotently: a result already
 * stored is ignored and not counted), finishes the sweep once every combination has a result (deflated Sharpe
 * ratios over all trials and {@code sweep.completed} in one transaction; model-service moves the model to
 * {@code swept} on that event), and resumes sweeps from the database after a restart or a stall by publishing again
 * the units that have no result yet.
 */
@Service
public class SweepCoordinator {

    private static final Logger log = LoggerFactory.getLogger(SweepCoordinator.class);

    private final SweepRepository repository;
    private final WorkPublisher work;
    private final SweepEventPublisher events;
    private final SweepProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SweepTimings timings;

    public SweepCoordinator(SweepRepository repository, WorkPublisher work, SweepEventPublisher events,
                            SweepProperties properties, TransactionTemplate tx, Clock clock, SweepTimings timings) {
        this.timings = timings;
        this.repository = repository;
        this.work = work;
        this.events = events;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** A sweep was persisted: publish all its units and mark it running. */
    void started(UUID id) {
        SweepState s = repository.find(id).orElseThrow();
        List<Long> units = new ArrayList<>();
        for (long u = 0; u < s.spec().units(); u++) {
            units.add(u);
        }
        try {
            int chunks = publish(id, units);
            repository.markRunning(id, clock.instant());
            repository.log(id, clock.instant(), "processing", "Published " + chunks + " work chunks to sweep.work; running backtests");
        } catch (RuntimeException e) {
            log.warn("sweep {}: publishing work failed, it stays queued and is resumed later: {}", id, e.toString());
            repository.log(id, clock.instant(), "processing", "Work could not be published yet; it will be resumed");
        }
    }

    private int publish(UUID id, List<Long> units) {
        int size = Math.max(1, properties.chunkUnits());
        List<WorkChunk> chunks = new ArrayList<>();
        for (int i = 0; i < units.size(); i += size) {
            chunks.add(new WorkChunk(id, List.copyOf(units.subList(i, Math.min(units.size(), i + size)))));
        }
        work.publish(chunks);
        return chunks.size();
    }

    /** Results from the workers, in any order and possibly more than once. */
    public void onResults(List<ResultBatch> batches) {
        Map<UUID, List<ComboResult>> bySweep = new LinkedHashMap<>();
        for (ResultBatch b : batches) {
            bySweep.computeIfAbsent(b.sweepId(), k -> new ArrayList<>()).addAll(b.results());
        }
        bySweep.forEach((id, results) -> {
            // inserted in combo-id order: concurrent transactions with the same duplicates lock them in one order
            results.sort(Comparator.comparingLong(ComboResult::comboId));
            long t = System.nanoTime();
            SweepRepository.Progress p = repository.insertResults(id, results, clock.instant());
            timings.storeNanos.add(System.nanoTime() - t);
            timings.storedRows.add(p == null ? 0 : p.inserted());
            if (p == null) {
                return;
            }
            if (p.inserted() < results.size()) {
                log.debug("sweep {}: {} duplicate results ignored", id, results.size() - p.inserted());
            }
            long total = Math.max(1, p.total());
            for (int q = 1; q <= 3; q++) {
                long mark = total * q / 4;
                if (p.doneBefore() < mark && p.doneAfter() >= mark && p.doneAfter() < p.total()) {
                    repository.log(id, clock.instant(), "processing", p.doneAfter() + " of " + p.total() + " combinations done");
                }
            }
            if (p.doneAfter() >= p.total() && p.doneBefore() < p.total()
                    && (p.status() == SweepStatus.RUNNING || p.status() == SweepStatus.QUEUED)) {
                complete(id);
            }
        });
    }

    /**
     * Every combination has a result: deflate every Sharpe ratio over all N trials and finish the sweep, and record
     * {@code sweep.completed} in the same transaction (the outbox sends it after the commit).
     */
    public void complete(UUID id) {
        long t = System.nanoTime();
        Boolean done = tx.execute(status -> {
            // lock the sweep first, then read its status: of two concurrent completions the second sees the first's
            List<ComboResult> rows = repository.momentsForUpdate(id);
            SweepState s = repository.find(id).orElse(null);
            if (s == null || s.status().terminal()) {
                return false;
            }
            if (rows.size() != s.spec().totalCombinations()) {
                return false;
            }
            List<MetricsCalculator.ReturnMoments> moments = rows.stream().map(ComboResult::moments).toList();
            double variance = SweepSession.trialSharpeVariance(moments);
            int n = moments.size();
            long[] ids = new long[n];
            Double[] dsr = new Double[n];
            for (int i = 0; i < n; i++) {
                ids[i] = rows.get(i).comboId();
                dsr[i] = MetricsCalculator.deflatedSharpe(moments.get(i), n, variance);
            }
            repository.complete(id, ids, dsr, variance, clock.instant());
            SweepState completed = repository.find(id).orElseThrow();
            ComboResult best = repository.leaderboard(id, SortKey.SHARPE, false, null, 0, 1).stream().findFirst().orElse(null);
            events.completed(completed, best == null ? null : best.comboId(), best == null ? null : best.sharpe());
            return true;
        });
        timings.completeNanos.add(System.nanoTime() - t);
        if (Boolean.TRUE.equals(done)) {
            SweepState s = repository.find(id).orElseThrow();
            repository.log(id, clock.instant(), "completed", "Backtests complete: " + s.spec().totalCombinations()
                    + " combinations, " + s.passed() + " passed the gates; deflated Sharpe ratios over "
                    + s.spec().totalCombinations() + " trials (Sharpe variance " + String.format("%.3g", s.trialSharpeVariance()) + ")");
            log.info("sweep {} completed: {} combinations; this instance so far: {}", id, s.spec().totalCombinations(),
                    timings.snapshotMillis());
        }
    }

    /** Publishes again the units of a sweep that have no result; finishes it if none is missing. */
    public void resume(UUID id, String why) {
        SweepState s = repository.find(id).orElse(null);
        if (s == null || s.status().terminal()) {
            return;
        }
        List<Long> missing = repository.missingUnits(id);
        if (missing.isEmpty()) {
            complete(id);
            return;
        }
        int chunks = publish(id, missing);
        if (s.status() == SweepStatus.QUEUED) {
            repository.markRunning(id, clock.instant());
        }
        repository.log(id, clock.instant(), "processing", "Resumed (" + why + "): " + missing.size()
                + " work units without results published again in " + chunks + " chunks");
        log.info("sweep {} resumed ({}): {} units", id, why, missing.size());
    }

    /** After a (re)start: every unfinished sweep continues from what is stored. */
    public void resumeAll() {
        for (UUID id : repository.unfinished()) {
            try {
                resume(id, "coordinator restart");
            } catch (RuntimeException e) {
                log.warn("sweep {} could not be resumed: {}", id, e.toString());
            }
        }
    }

    /** Sweeps without progress for the stall timeout get their missing units again (e.g. a poison chunk skipped). */
    public void resumeStalled() {
        Instant now = clock.instant();
        for (UUID id : repository.claimStalled(now.minus(properties.coordinator().stallTimeout()), now)) {
            try {
                resume(id, "no progress for " + properties.coordinator().stallTimeout().toSeconds() + " s");
            } catch (RuntimeException e) {
                log.warn("sweep {} could not be resumed: {}", id, e.toString());
            }
        }
    }
}
