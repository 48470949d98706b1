package com.sigmatiq.sweep.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sigmatiq.sweep.*}.
 *
 * @param maxCombinations largest grid a sweep may have
 * @param chunkUnits      work units per Kafka work message
 * @param workPartitions  partitions of {@code sweep.work} when this service creates it
 */
@ConfigurationProperties("sigmatiq.sweep")
public record SweepProperties(@DefaultValue("100000") long maxCombinations, @DefaultValue("50") int chunkUnits,
                              @DefaultValue("12") int workPartitions, @DefaultValue Coordinator coordinator,
                              @DefaultValue Worker worker) {

    /**
     * @param enabled      consume results, track progress, finish sweeps, resume them after a restart
     * @param stallTimeout a running sweep without progress for this long has its missing units published again
     * @param storeThreads result consumers of this instance, each storing its own partitions of {@code sweep.results}
     *                     in its own transactions (more than the topic's partitions would idle)
     */
    public record Coordinator(@DefaultValue("true") boolean enabled, @DefaultValue("120s") Duration stallTimeout,
                              @DefaultValue("3") int storeThreads) {
    }

    /**
     * @param enabled        compute work units from {@code sweep.work}
     * @param concurrency    work messages computed in parallel (0 = one per core)
     * @param sessionsCached engine sessions (one per sweep) kept in memory
     */
    public record Worker(@DefaultValue("true") boolean enabled, @DefaultValue("0") int concurrency,
                         @DefaultValue("4") int sessionsCached) {

        public int effectiveConcurrency() {
            return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        }
    }
}
