package com.sigmatiq.alert.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The seed's 7.1 evaluation of one bar by one published model: the bar, every indicator output and feature the plan
 * computed at its close, and the prediction with its checks.
 */
public record Evaluation(Instant timestamp, String ticker, Ohlcv ohlcv, Map<String, Double> indicatorsCalculated,
                         Map<String, Double> featuresCalculated, Prediction prediction, ThresholdsCheck thresholdsCheck,
                         TimeCheck timeCheck) {

    public record Ohlcv(double open, double high, double low, double close, double volume) {
    }

    /**
     * @param signal     {@code BUY}, {@code SELL}, {@code HOLD} (in a position) or {@code WAIT} (flat)
     * @param confidence the calibrated probability when the model was asked (a candidate bar while flat), else null
     */
    public record Prediction(String signal, Double confidence, Double predictedReturn, Double predictedDurationDays,
                             double entryScore) {
    }

    public record ThresholdsCheck(double confidenceThreshold, Boolean passes) {
    }

    /** @param allowedHours the configuration's hours; null = every hour (daily bars: hours do not apply) */
    public record TimeCheck(List<Integer> allowedHours, int currentHour, boolean passes) {
    }
}
