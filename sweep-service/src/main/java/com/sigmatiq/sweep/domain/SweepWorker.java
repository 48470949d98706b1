package com.sigmatiq.sweep.domain;

import com.sigmatiq.engine.backtest.PositionState;
import com.sigmatiq.engine.sweep.SweepSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;

/**
 * Computes a work chunk with the engine and publishes its results; returns only once they are on the broker, so the
 * caller acknowledges the work message after its results are safe. The result messages of a chunk are sent while the
 * next units are computed and waited for once, at the end of the chunk. A chunk of a cancelled or finished sweep is
 * skipped.
 */
@Service
public class SweepWorker {

    /**
     * Results per Kafka message (under 1 kB each as JSON, well below the broker's default message size); small enough
     * that a chunk of 50 units (250 combinations in the seed's custom sweep) starts sending before it is done.
     */
    static final int RESULTS_PER_MESSAGE = 200;

    private final SweepRepository repository;
    private final SweepWorkCache cache;
    private final ResultPublisher results;
    private final ThreadLocal<PositionState[]> positions = ThreadLocal.withInitial(
            () -> new PositionState[] {new PositionState(0, 0, 0, 0), new PositionState(0, 0, 0, 0)});

    private final SweepTimings timings;

    public SweepWorker(SweepRepository repository, SweepWorkCache cache, ResultPublisher results, SweepTimings timings) {
        this.repository = repository;
        this.cache = cache;
        this.results = results;
        this.timings = timings;
    }

    /** @return the number of combinations computed (0 when skipped) */
    public int run(WorkChunk chunk) {
        SweepState s = repository.find(chunk.sweepId()).orElse(null);
        if (s == null || s.status().terminal()) {
            return 0;
        }
        long t = System.nanoTime();
        SweepWork work = cache.get(s.spec());
        timings.sessionBuildNanos.add(System.nanoTime() - t);
        PositionState[] pos = positions.get();
        List<ComboResult> out = new ArrayList<>();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        int n = 0;
        for (long unit : chunk.units()) {
            long t0 = System.nanoTime();
            SweepSession.ComboOutcome[] in = work.inSample().runUnit(unit, pos[0]);
            SweepSession.ComboOutcome[] hold = work.holdout() == null ? null : work.holdout().runUnit(unit, pos[1]);
            for (int i = 0; i < in.length; i++) {
                out.add(ComboResult.of(unit, in[i], hold == null ? null : hold[i]));
            }
            n += in.length;
            timings.engineNanos.add(System.nanoTime() - t0);
            if (out.size() >= RESULTS_PER_MESSAGE) {
                sent.add(send(new ResultBatch(chunk.sweepId(), out)));
                out = new ArrayList<>();
            }
        }
        if (!out.isEmpty()) {
            sent.add(send(new ResultBatch(chunk.sweepId(), out)));
        }
        long t1 = System.nanoTime();
        results.awaitAll(sent);
        timings.resultSendNanos.add(System.nanoTime() - t1);
        timings.combos.add(n);
        return n;
    }

    /** Encodes and hands a batch to the producer (the time this takes counts as Kafka time, like the wait). */
    private CompletableFuture<?> send(ResultBatch batch) {
        long t = System.nanoTime();
        CompletableFuture<?> f = results.send(batch);
        timings.resultSendNanos.add(System.nanoTime() - t);
        return f;
    }
}
