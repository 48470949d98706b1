package com.sigmatiq.bench;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import java.util.SplittableRandom;

/** Deterministic random-walk OHLCV bars for benchmarks (same seed, same bars, every run). */
final class SyntheticBars {

    private SyntheticBars() {
    }

    static BarSeries generate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] time = new long[n];
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n], volume = new double[n];
        double price = 100;
        long t = 946_684_800_000L;
        for (int i = 0; i < n; i++) {
            double o = price;
            double c = o * Math.exp(r.nextGaussian() * 0.002);
            double h = Math.max(o, c) * (1 + Math.abs(r.nextGaussian()) * 0.001);
            double l = Math.min(o, c) * (1 - Math.abs(r.nextGaussian()) * 0.001);
            time[i] = t;
            t += 60_000L;
            open[i] = o;
            high[i] = h;
            low[i] = l;
            close[i] = c;
            volume[i] = Math.floor(1_000 + r.nextDouble() * 100_000);
            price = c;
        }
        return new BarSeries("SYN", BarSeries.NEW_YORK, Timeframe.M1, time, open, high, low, close, volume);
    }
}
