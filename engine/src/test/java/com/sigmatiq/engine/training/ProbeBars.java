package com.sigmatiq.engine.training;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built bars for a probe pack whose rules read the volume column, so that each bar's volume says what the
 * rules decide at its close: {@link #NONE} entry score 0, {@link #HALF} 0.5, {@link #FULL} 1, {@link #EXIT} an
 * exit line holds (and the score is 1). The exit line also reads {@code ema_3}, so the strategy is ready from
 * bar 2. Prices drive the stops and targets.
 */
final class ProbeBars {

    static final double NONE = 1000;
    static final double HALF = 2000;
    static final double FULL = 3000;
    static final double EXIT = 6000;

    static final String INDICATORS = """
            indicators:
              trend:
                - id: "ema_3"
                  name: "3-bar EMA"
                  params:
                    period: 3
            """;
    static final String FEATURES = """
            features:
              - id: "range_pct"
                name: "Bar range over close"
                calculation: "(high - low) / close"
              - id: "up_bar"
                name: "Close above open"
                calculation: "close > open"
            """;
    static final String STRATEGIES = """
            strategies:
              - id: "probe"
                name: "Probe"
                description: "volume codes drive the rules"
                entry_logic:
                  - "volume > 1500"
                  - "volume > 2500"
                exit_logic:
                  - "volume > 5000 AND ema_3 > 0"
            """;

    static final Pack PACK = loadPack();

    private final List<Long> times = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private final Timeframe timeframe;

    private ProbeBars(Timeframe timeframe) {
        this.timeframe = timeframe;
    }

    /** Daily bars on consecutive calendar dates from 2024-01-01, each its own session. */
    static ProbeBars daily() {
        return new ProbeBars(Timeframe.D1);
    }

    static ProbeBars hourly() {
        return new ProbeBars(Timeframe.H1);
    }

    private static Pack loadPack() {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            for (String f : PackLoader.FILES) {
                files.put(f, Files.readString(TestData.pack("swingsigma").resolve(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.put("indicators.yaml", INDICATORS);
        files.put("features.yaml", FEATURES);
        files.put("strategies.yaml", STRATEGIES);
        return PackLoader.load(files);
    }

    /**
     * The probe strategy without costs, 100% of 100,000 per trade (1,000 shares at 100), stop 8%, target 10%, no
     * trailing or time stop; then {@code overrides}.
     */
    static StrategyConfig config(Object... overrides) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slippage_bps", 0);
        m.put("position_size_pct", 100);
        m.put("stop_loss_pct", 8);
        m.put("take_profit_pct", 10);
        m.put("trailing_stop_pct", 0);
        m.put("time_stop_days", 0);
        m.put("threshold", 0.5);
        for (int i = 0; i < overrides.length; i += 2) {
            m.put((String) overrides[i], overrides[i + 1]);
        }
        return StrategyConfig.resolve(PACK, "probe", m);
    }

    ProbeBars bar(double open, double high, double low, double close, double volume) {
        long t = LocalDate.of(2024, 1, 1).plusDays(rows.size()).atStartOfDay(BarSeries.NEW_YORK).toInstant().toEpochMilli();
        times.add(t);
        rows.add(new double[] {open, high, low, close, volume});
        return this;
    }

    /** open = high = low = close = price. */
    ProbeBars flat(double price, double volume) {
        return bar(price, price, price, price, volume);
    }

    /** An intraday bar starting at New York local {@code at}. */
    ProbeBars barAt(LocalDateTime at, double open, double high, double low, double close, double volume) {
        times.add(at.atZone(BarSeries.NEW_YORK).toInstant().toEpochMilli());
        rows.add(new double[] {open, high, low, close, volume});
        return this;
    }

    int size() {
        return rows.size();
    }

    BarSeries series() {
        int n = rows.size();
        long[] time = new long[n];
        double[][] c = new double[5][n];
        for (int i = 0; i < n; i++) {
            time[i] = times.get(i);
            for (int k = 0; k < 5; k++) {
                c[k][i] = rows.get(i)[k];
            }
        }
        return new BarSeries("TEST", BarSeries.NEW_YORK, timeframe, time, c[0], c[1], c[2], c[3], c[4]);
    }

    /** The dataset over every bar, default options but for {@code testSize}. */
    TrainingDataset build(StrategyConfig config, double testSize) {
        BarSeries s = series();
        return TrainingDataset.build(config, s, 0, s.size(), DatasetOptions.defaults().withTestSize(testSize));
    }
}
