package com.sigmatiq.sim.domain;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import java.time.LocalDate;
import java.util.Map;

/**
 * What sim-service reads from the other services with its own token (no user is at hand when a period ends): the
 * pack's files (to resolve the configuration), the trained model (its artifacts and backtest figures) and the ticker's
 * stored history (the reconciliation backtest's warm-up).
 */
public interface RuntimeSources {

    Map<String, String> packFiles(String packId, String version);

    /** A user's trained model: its artifacts by file name and its backtest Sharpe ratio. */
    TrainedArtifacts trainedModel(String ownerId, String trainedModelId);

    /** Every stored bar of sessions {@code from..to} (inclusive), extended hours included; empty when none. */
    BarSeries bars(String ticker, Timeframe tf, LocalDate from, LocalDate to);

    /** The first session the ticker has bars of, or null. */
    LocalDate firstSession(String ticker, Timeframe tf);

    /**
     * How far alert-service has got with a published model: it decided from bar {@code decidedFrom} on (bars before only
     * warmed it up), every alert of bars up to {@code evaluatedThrough} is stored there (each null: nothing stored yet),
     * and these are the ids of its alerts of bars up to {@code through}.
     */
    AlertProgress alertProgress(String publishedId, java.time.Instant through);

    record AlertProgress(java.time.Instant decidedFrom, java.time.Instant evaluatedThrough, java.util.List<String> alertIds) {
    }

    /** A trained model's artifacts and the Sharpe ratio of its configuration's backtest (null when unknown). */
    record TrainedArtifacts(Map<String, byte[]> artifacts, Double sharpeBacktest) {
    }
}
