package com.sigmatiq.sweep.domain;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sends a worker's results to the coordinators ({@code sweep.results}). */
public interface ResultPublisher {

    /** Starts sending a batch and returns at once; the future completes when the broker has acknowledged it. */
    CompletableFuture<?> send(ResultBatch batch);

    /**
     * Sends at once whatever is still buffered and returns when the broker has acknowledged every one of
     * {@code sends}; throws if any of them failed or did not finish in time.
     */
    void awaitAll(List<CompletableFuture<?>> sends);
}
