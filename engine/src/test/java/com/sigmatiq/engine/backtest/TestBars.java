package com.sigmatiq.engine.backtest;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.data.Timeframe;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hand-built bar series and signal columns for simulator tests. */
final class TestBars {

    static final LocalDate START = LocalDate.of(2024, 1, 1); // a Monday

    final List<long[]> times = new ArrayList<>();
    final List<double[]> rows = new ArrayList<>();
    private final Timeframe timeframe;

    private TestBars(Timeframe timeframe) {
        this.timeframe = timeframe;
    }

    static TestBars daily() {
        return new TestBars(Timeframe.D1);
    }

    static TestBars hourly() {
        return new TestBars(Timeframe.H1);
    }

    /** A daily bar on START + {@code rows} calendar days (consecutive dates). */
    TestBars bar(double open, double high, double low, double close) {
        return barOn(START.plusDays(rows.size()), open, high, low, close);
    }

    TestBars barOn(LocalDate date, double open, double high, double low, double close) {
        long t = date.atStartOfDay(BarSeries.NEW_YORK).toInstant().toEpochMilli();
        return add(t, open, high, low, close);
    }

    /** An intraday bar starting at New York local {@code at}. */
    TestBars barAt(LocalDateTime at, double open, double high, double low, double close) {
        return add(at.atZone(BarSeries.NEW_YORK).toInstant().toEpochMilli(), open, high, low, close);
    }

    /** A bar that touches nothing: open = high = low = close = price. */
    TestBars flat(double price) {
        return bar(price, price, price, price);
    }

    private TestBars add(long t, double open, double high, double low, double close) {
        times.add(new long[] {t});
        rows.add(new double[] {open, high, low, close});
        return this;
    }

    BarSeries series() {
        int n = rows.size();
        long[] time = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = times.get(i)[0];
            double[] r = rows.get(i);
            o[i] = r[0];
            h[i] = r[1];
            l[i] = r[2];
            c[i] = r[3];
            v[i] = 1000;
        }
        return new BarSeries("TEST", BarSeries.NEW_YORK, timeframe, time, o, h, l, c, v);
    }

    /** Signals: confidence 1 and eligible at the listed bars, exit signal at the listed bars. */
    static SignalColumns signals(int n, int[] enterAt, int[] exitAt) {
        double[] conf = new double[n];
        boolean[] eligible = new boolean[n];
        boolean[] exit = new boolean[n];
        for (int i : enterAt) {
            conf[i] = 1;
            eligible[i] = true;
        }
        for (int i : exitAt) {
            exit[i] = true;
        }
        return new SignalColumns(conf, eligible, exit);
    }

    static SignalColumns enterAt(int n, int... bars) {
        return signals(n, bars, new int[0]);
    }

    static SignalColumns always(int n) {
        double[] conf = new double[n];
        boolean[] eligible = new boolean[n];
        Arrays.fill(conf, 1);
        Arrays.fill(eligible, true);
        return new SignalColumns(conf, eligible, new boolean[n]);
    }

    /** Threshold 0.5, no exits, no costs, 100,000 capital, 100% size. */
    static ExecutionParams params() {
        return params(0, 0, 0, 0);
    }

    static ExecutionParams params(double stop, double target, double trailing, int timeStopDays) {
        return new ExecutionParams(0.5, stop, target, trailing, timeStopDays, 0, 0, 0, 100_000,
                new Sizing.FixedFraction(1.0));
    }

    static BacktestResult run(TestBars b, SignalColumns s, ExecutionParams p) {
        BarSeries bars = b.series();
        return Backtester.run(bars, SessionClock.of(bars), s, 0, bars.size(), p);
    }
}
