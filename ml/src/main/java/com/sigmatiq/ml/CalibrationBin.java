package com.sigmatiq.ml;

import java.util.ArrayList;
import java.util.List;

/**
 * One bin of a reliability diagram: the samples whose predicted probability falls in [lower, upper) (the last bin
 * includes 1), their mean prediction and the share of them labelled 1.
 *
 * @param lower         the bin's lower edge
 * @param upper         the bin's upper edge
 * @param meanPredicted mean predicted probability in the bin; null when the bin is empty
 * @param observedRate  share of the bin's samples labelled 1; null when the bin is empty
 * @param count         samples in the bin
 */
public record CalibrationBin(double lower, double upper, Double meanPredicted, Double observedRate, int count) {

    /** Bins of a calibration curve. */
    public static final int BINS = 10;

    /** The {@value #BINS}-bin curve of {@code p} against {@code y}. */
    public static List<CalibrationBin> curve(double[] p, int[] y) {
        double[] sum = new double[BINS];
        int[] pos = new int[BINS];
        int[] count = new int[BINS];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(BINS - 1, (int) Math.floor(p[i] * BINS));
            sum[b] += p[i];
            pos[b] += y[i];
            count[b]++;
        }
        List<CalibrationBin> out = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            out.add(new CalibrationBin(b / (double) BINS, (b + 1) / (double) BINS,
                    count[b] == 0 ? null : sum[b] / count[b], count[b] == 0 ? null : pos[b] / (double) count[b], count[b]));
        }
        return out;
    }
}
