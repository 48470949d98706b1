package com.sigmatiq.engine.signal;

/**
 * The confidence that an entry at a bar's close is worth taking, compared with the configuration's threshold
 * (DESIGN §4 "Signals"): the entry score until a model is trained ({@link #ENTRY_SCORE}), a calibrated probability
 * afterwards (DESIGN §6 "Prediction"). Asked only where it matters (flat at a decision bar's close, the entry
 * otherwise allowed), so a costly model runs on candidate bars only. Must be a pure function of what it is given:
 * the backtest, the sweep and the runtime ask it about the same bars and must get the same answers.
 */
@FunctionalInterface
public interface ConfidenceModel {

    /** Before a model is trained: the entry score itself. */
    ConfidenceModel ENTRY_SCORE = BarFeatures::entryScore;

    /** A confidence in [0, 1]; NaN never enters. */
    double confidence(BarFeatures bar);
}
