package com.sigmatiq.alert.domain;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a runtime is built from, read with the service's own token (no user is at hand when a bar arrives): the pack's
 * files, the trained model's artifacts, and the ticker's stored history for warming up.
 */
public interface RuntimeSources {

    Map<String, String> packFiles(String packId, String version);

    /** The artifacts of a user's trained model, by file name. */
    Map<String, byte[]> trainedModel(String ownerId, String trainedModelId);

    /** Every stored bar of sessions {@code from..to} (inclusive), extended hours included; empty when none. */
    BarSeries bars(String ticker, Timeframe tf, LocalDate from, LocalDate to);

    /** The first session the ticker has bars of, or null. */
    LocalDate firstSession(String ticker, Timeframe tf);
}
