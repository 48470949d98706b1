package com.sigmatiq.sweep.domain;

import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.sweep.SweepGrid;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.stereotype.Component;

/**
 * The engine's sessions of the most recent sweeps, one per sweep, built once from the stored spec and inputs and
 * shared by the worker threads (a session caches indicator columns, signals and entry candidates) and result pages.
 */
@Component
public class SweepWorkCache {

    private static final int GRIDS_KEPT = 256;

    private final SweepRepository repository;
    private final int capacity;
    private final Map<UUID, CompletableFuture<SweepWork>> cache = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<UUID> order = new ConcurrentLinkedDeque<>();
    private final Map<String, Pack> packs = new ConcurrentHashMap<>();
    private final Map<UUID, SweepGrid> grids = new ConcurrentHashMap<>();

    public SweepWorkCache(SweepRepository repository, SweepProperties properties) {
        this.repository = repository;
        this.capacity = Math.max(1, properties.worker().sessionsCached());
    }

    public SweepWork get(SweepSpec spec) {
        CompletableFuture<SweepWork> mine = new CompletableFuture<>();
        CompletableFuture<SweepWork> existing = cache.putIfAbsent(spec.id(), mine);
        if (existing != null) {
            return join(existing);
        }
        remember(spec.id());
        try {
            SweepInputs inputs = repository.inputs(spec.id());
            mine.complete(SweepWork.of(spec, pack(inputs.packFiles()), inputs.barsCsv()));
        } catch (RuntimeException e) {
            cache.remove(spec.id(), mine);
            mine.completeExceptionally(e);
            throw e;
        }
        return mine.join();
    }

    /**
     * The sweep's grid, for result pages: its work's when that is built, else made from the stored pack files alone (the
     * bars are not read) and kept, so that paging a leaderboard reads nothing but the page.
     */
    public SweepGrid grid(SweepSpec spec) {
        CompletableFuture<SweepWork> work = cache.get(spec.id());
        if (work != null && work.isDone() && !work.isCompletedExceptionally()) {
            return work.join().grid();
        }
        SweepGrid grid = grids.get(spec.id());
        if (grid == null) {
            Pack pack = pack(repository.packFiles(spec.id()));
            grid = SweepWork.grid(SweepWork.base(pack, spec.strategyId(), spec.baseOverrides()), spec.parameters());
            if (grids.size() >= GRIDS_KEPT) {
                grids.clear();
            }
            grids.put(spec.id(), grid);
        }
        return grid;
    }

    /** Keeps work built while creating the sweep, so this instance does not build it again. */
    public void put(UUID id, SweepWork work) {
        if (cache.put(id, CompletableFuture.completedFuture(work)) == null) {
            remember(id);
        }
    }

    public Pack pack(Map<String, String> files) {
        String hash = PackLoader.contentHash(files);
        Pack p = packs.get(hash);
        if (p == null) {
            p = PackLoader.load(files);
            if (packs.size() > 32) {
                packs.clear();
            }
            packs.put(hash, p);
        }
        return p;
    }

    public void evict(UUID id) {
        cache.remove(id);
        grids.remove(id);
        order.remove(id);
    }

    private void remember(UUID id) {
        order.addLast(id);
        while (order.size() > capacity) {
            UUID oldest = order.pollFirst();
            if (oldest != null) {
                cache.remove(oldest);
            }
        }
    }

    private static SweepWork join(CompletableFuture<SweepWork> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }
}
