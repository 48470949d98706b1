package com.sigmatiq.alert.domain;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every evaluation of one published model shares: the names of the values it shows (indicator outputs, then
 * features), the threshold, the allowed hours and the training trades' figures. A bar's evaluation is stored as its
 * {@link Row} (a few numbers) and becomes the seed's 7.1 document through {@link #evaluation(Row)}, when it is built at
 * the bar and when it is read back: one code for both.
 *
 * @param allowedHours the configuration's hours; null = every hour (daily bars)
 */
public record EvaluationLayout(String ticker, List<String> names, int indicatorCount, double threshold,
                               List<Integer> allowedHours, double avgWinner, double avgLoser, double avgDurationDays) {

    /**
     * One bar's evaluation as numbers: the bar, the shown values in {@link #names()} order (NaN: not computed yet),
     * the signal, the calibrated probability when the model was asked, the entry score and the hour check.
     */
    public record Row(long barTime, double open, double high, double low, double close, double volume, double[] values,
                      String signal, Double confidence, double entryScore, int hour, boolean hourAllowed) {

        /** The values as bytes (big-endian doubles). */
        public byte[] valueBytes() {
            ByteBuffer b = ByteBuffer.allocate(values.length * Double.BYTES);
            for (double v : values) {
                b.putDouble(v);
            }
            return b.array();
        }

        public static double[] values(byte[] bytes) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            double[] out = new double[bytes.length / Double.BYTES];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getDouble();
            }
            return out;
        }
    }

    public Evaluation evaluation(Row r) {
        Map<String, Double> indicators = new LinkedHashMap<>();
        Map<String, Double> features = new LinkedHashMap<>();
        for (int i = 0; i < names.size() && i < r.values().length; i++) {
            if (!Double.isNaN(r.values()[i])) {
                (i < indicatorCount ? indicators : features).put(names.get(i), r.values()[i]);
            }
        }
        Double p = r.confidence();
        return new Evaluation(Instant.ofEpochMilli(r.barTime()), ticker,
                new Evaluation.Ohlcv(r.open(), r.high(), r.low(), r.close(), r.volume()), indicators, features,
                new Evaluation.Prediction(r.signal(), p, predictedReturn(p), p == null ? null : avgDurationDays, r.entryScore()),
                new Evaluation.ThresholdsCheck(threshold, p == null ? null : p >= threshold),
                new Evaluation.TimeCheck(allowedHours, r.hour(), r.hourAllowed()));
    }

    /** The training trades' mean return weighted by the probability of a winner; null when not asked. */
    public Double predictedReturn(Double p) {
        return p == null ? null : p * avgWinner + (1 - p) * avgLoser;
    }
}
