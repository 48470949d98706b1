package com.sigmatiq.ml;

import java.util.Arrays;

/**
 * How well probabilities p predict 0/1 labels y (DESIGN §6 "Results"): accuracy, precision, recall and F1 of the
 * decision p ≥ 0.5; ROC AUC; Brier score; log loss.
 *
 * @param accuracy   share of samples where (p ≥ 0.5) equals the label
 * @param precision  true positives / predicted positives; 0 when nothing is predicted positive
 * @param recall     true positives / actual positives; 0 without positives
 * @param f1Score    harmonic mean of precision and recall; 0 when both are 0
 * @param aucRoc     probability that a random positive scores above a random negative, ties counting one half
 *                   (Mann–Whitney); null when one class is missing
 * @param brierScore mean of (p − y)²
 * @param logLoss    mean of −(y ln p + (1 − y) ln(1 − p)), p clipped to [1e-15, 1 − 1e-15]
 * @param samples    number of samples
 * @param positives  samples labelled 1
 */
public record ClassificationMetrics(double accuracy, double precision, double recall, double f1Score, Double aucRoc,
                                    double brierScore, double logLoss, int samples, int positives) {

    private static final double EPS = 1e-15;

    /**
     * The metrics of {@code p} against {@code y}.
     *
     * @throws IllegalArgumentException when the lengths differ or there is no sample
     */
    public static ClassificationMetrics of(double[] p, int[] y) {
        int n = p.length;
        if (y.length != n) {
            throw new IllegalArgumentException(n + " probabilities for " + y.length + " labels");
        }
        if (n == 0) {
            throw new IllegalArgumentException("metrics need at least one sample");
        }
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        double brier = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            boolean predicted = p[i] >= 0.5;
            boolean actual = y[i] == 1;
            if (predicted && actual) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual) {
                fn++;
            } else {
                tn++;
            }
            double d = p[i] - y[i];
            brier += d * d;
            double q = Math.min(Math.max(p[i], EPS), 1 - EPS);
            logLoss -= actual ? Math.log(q) : Math.log(1 - q);
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassificationMetrics((double) (tp + tn) / n, precision, recall, f1, auc(p, y), brier / n,
                logLoss / n, n, tp + fn);
    }

    /**
     * ROC AUC by ranks: (sum of the positives' mid-ranks − P(P + 1)/2) / (P·N), which equals counting, over every
     * (positive, negative) pair, 1 when the positive scores higher and ½ on a tie. Null with one class only.
     */
    public static Double auc(double[] p, int[] y) {
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1; // ranks are 1-based
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankSum += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
