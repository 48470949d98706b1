package com.sigmatiq.local.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What "stays flat" means in the soak, as numbers: a series of per-minute samples, its first {@code warmUp} samples
 * dropped, is cut in thirds; the last third's median is compared with the first third's. Also the least-squares slope
 * per sample, reported beside it. Samples that are {@code NaN} (a minute without alerts) are left out.
 */
public final class Flatness {

    private Flatness() {
    }

    /** The first and last thirds' medians of {@code samples} after the warm-up, and the slope per sample. */
    public record Thirds(double first, double last, double slopePerSample, int samples) {

        /** Whether the last third's median is at most the first's × {@code factor} + {@code allowance}. */
        public boolean flat(double factor, double allowance) {
            return samples < 3 || Double.isNaN(first) || Double.isNaN(last) || last <= first * factor + allowance;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "first third %.1f, last third %.1f, slope %+.2f per sample (%d samples)",
                    first, last, slopePerSample, samples);
        }
    }

    public static Thirds thirds(List<Double> samples, int warmUp) {
        List<Double> kept = new ArrayList<>();
        for (int i = Math.min(warmUp, samples.size()); i < samples.size(); i++) {
            if (!Double.isNaN(samples.get(i))) {
                kept.add(samples.get(i));
            }
        }
        int n = kept.size();
        if (n < 3) {
            return new Thirds(Double.NaN, Double.NaN, Double.NaN, n);
        }
        int third = n / 3;
        return new Thirds(median(kept.subList(0, third)), median(kept.subList(n - third, n)), slope(kept), n);
    }

    /** The median (mean of the two middle values for an even count); NaN when empty. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /** The {@code p}-th percentile by nearest rank (p in (0, 100]); NaN when empty. */
    public static double percentile(long[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    /** The least-squares slope of the values against their index. */
    public static double slope(List<Double> values) {
        int n = values.size();
        double mx = (n - 1) / 2.0;
        double my = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - mx) * (values.get(i) - my);
            sxx += (i - mx) * (i - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
