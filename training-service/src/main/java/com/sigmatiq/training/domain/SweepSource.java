package com.sigmatiq.training.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The sweep the configurations come from (sweep-service, with the caller's token). */
public interface SweepSource {

    /** The caller's sweep, or empty. */
    Optional<SweepInfo> sweep(String sweepId, String bearerToken);

    /** The caller's newest completed sweep of {@code modelId}, or empty. */
    Optional<SweepInfo> latestCompleted(String modelId, String bearerToken);

    /** One combination of the sweep, or empty when it has none of that id. */
    Optional<ComboInfo> combo(String sweepId, long comboId, String bearerToken);

    /** A sweep: its model, status and date range (sessions, inclusive). */
    record SweepInfo(String id, String modelId, String status, LocalDate start, LocalDate end, long totalCombinations) {
    }

    /**
     * A combination: the swept values, the whole effective configuration, and its in-sample Sharpe.
     *
     * @param config          the swept keys and values (the leaderboard's {@code config})
     * @param effectiveConfig every key of the configuration ({@code StrategyConfig.toMap()})
     * @param sharpe          the sweep's Sharpe ratio of it
     */
    record ComboInfo(long comboId, Map<String, Object> config, Map<String, Object> effectiveConfig, Double sharpe) {
    }
}
