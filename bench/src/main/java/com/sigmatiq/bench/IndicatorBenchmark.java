package com.sigmatiq.bench;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.expr.CompiledExpression;
import com.sigmatiq.engine.expr.ExpressionCompiler;
import com.sigmatiq.engine.expr.SymbolTable;
import com.sigmatiq.engine.indicator.Indicators;
import com.sigmatiq.engine.indicator.StreamingIndicator;
import com.sigmatiq.engine.pack.FeatureDef;
import com.sigmatiq.engine.pack.IndicatorDef;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * All swingsigma indicators (and its features) over 1,000,000 bars: Sigmatiq's kernels beside TA-Lib's
 * Java port computing the same indicators on the same data, all writing into preallocated outputs.
 *
 * <pre>
 * ./mvnw -q -B -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar IndicatorBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class IndicatorBenchmark {

    @Param("1000000")
    int bars;

    private BarSeries series;
    private Pack pack;
    private List<IndicatorDef> indicators;
    private double[][][] outputs;
    private double[][] columns;
    private CompiledExpression[] features;
    private int[] featureSlots;
    private double[][] featureOut;
    private StreamingIndicator[] streaming;

    private final Core talib = new Core();
    private double[] t1, t2, t3;
    private final MInteger beg = new MInteger();
    private final MInteger nb = new MInteger();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        series = SyntheticBars.generate(bars, 42);
        pack = PackLoader.load(packDir());
        indicators = pack.indicators();
        outputs = new double[indicators.size()][][];
        for (int i = 0; i < outputs.length; i++) {
            int k = indicators.get(i).kind().outputCount();
            outputs[i] = new double[k][bars];
        }
        SymbolTable symbols = pack.symbols();
        columns = new double[symbols.size()][];
        columns[0] = series.open();
        columns[1] = series.high();
        columns[2] = series.low();
        columns[3] = series.close();
        columns[4] = series.volume();
        columns[5] = series.close();
        for (int i = 0; i < indicators.size(); i++) {
            List<String> names = indicators.get(i).outputNames();
            for (int k = 0; k < names.size(); k++) {
                columns[symbols.slot(names.get(k))] = outputs[i][k];
            }
        }
        columns[symbols.slot("macd")] = columns[symbols.slot("macd_line")];
        List<FeatureDef> fs = pack.features();
        features = new CompiledExpression[fs.size()];
        featureSlots = new int[fs.size()];
        featureOut = new double[fs.size()][bars];
        for (int i = 0; i < fs.size(); i++) {
            features[i] = ExpressionCompiler.compile(fs.get(i).calculation(), symbols);
            featureSlots[i] = symbols.slot(fs.get(i).id());
            columns[featureSlots[i]] = featureOut[i];
        }
        computeIndicators();
        streaming = new StreamingIndicator[indicators.size()];
        for (int i = 0; i < streaming.length; i++) {
            streaming[i] = Indicators.streaming(indicators.get(i).kind(), indicators.get(i).params());
        }
        t1 = new double[bars];
        t2 = new double[bars];
        t3 = new double[bars];
    }

    static Path packDir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("packs/swingsigma"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run from inside the repository (packs/swingsigma not found)");
        }
        return p.resolve("packs/swingsigma");
    }

    /** Sigmatiq: the ten swingsigma indicators, batch kernels into preallocated columns. */
    @Benchmark
    public double sigmatiqIndicators() {
        computeIndicators();
        return outputs[0][0][bars - 1];
    }

    /** Sigmatiq: the ten indicators and then the six features. */
    @Benchmark
    public double sigmatiqIndicatorsAndFeatures() {
        computeIndicators();
        for (int i = 0; i < features.length; i++) {
            features[i].evaluate(columns, bars, featureOut[i]);
        }
        return featureOut[5][bars - 1];
    }

    /** Sigmatiq: the six features alone, over indicator columns computed once in setup. */
    @Benchmark
    public double sigmatiqFeatures() {
        for (int i = 0; i < features.length; i++) {
            features[i].evaluate(columns, bars, featureOut[i]);
        }
        return featureOut[5][bars - 1];
    }

    private void computeIndicators() {
        for (int i = 0; i < outputs.length; i++) {
            IndicatorDef d = indicators.get(i);
            Indicators.compute(d.kind(), d.params(), series.open(), series.high(), series.low(), series.close(), series.volume(),
                    bars, outputs[i]);
        }
    }

    /** Sigmatiq streaming: the ten indicators updated one bar at a time. */
    @Benchmark
    public void sigmatiqStreamingIndicators(Blackhole bh) {
        double[] o = series.open(), h = series.high(), l = series.low(), c = series.close(), v = series.volume();
        for (StreamingIndicator s : streaming) {
            s.reset();
        }
        for (int t = 0; t < bars; t++) {
            for (StreamingIndicator s : streaming) {
                s.update(o[t], h[t], l[t], c[t], v[t]);
            }
        }
        bh.consume(streaming[0].value(0));
    }

    /** TA-Lib 0.4.0 (Java port): the same ten indicators with the same parameters. */
    @Benchmark
    public double taLibIndicators() {
        int end = bars - 1;
        double[] h = series.high(), l = series.low(), c = series.close(), v = series.volume();
        talib.rsi(0, end, c, 14, beg, nb, t1);
        talib.macd(0, end, c, 12, 26, 9, beg, nb, t1, t2, t3);
        talib.stoch(0, end, h, l, c, 14, 3, MAType.Sma, 3, MAType.Sma, beg, nb, t1, t2);
        talib.ema(0, end, c, 20, beg, nb, t1);
        talib.ema(0, end, c, 50, beg, nb, t1);
        talib.adx(0, end, h, l, c, 14, beg, nb, t1);
        talib.plusDI(0, end, h, l, c, 14, beg, nb, t2);
        talib.minusDI(0, end, h, l, c, 14, beg, nb, t3);
        talib.bbands(0, end, c, 20, 2, 2, MAType.Sma, beg, nb, t1, t2, t3);
        talib.atr(0, end, h, l, c, 14, beg, nb, t1);
        talib.obv(0, end, c, v, beg, nb, t1);
        talib.sma(0, end, v, 20, beg, nb, t1);
        return t1[nb.value - 1];
    }

    /** Names of the benchmark's indicator kinds, for the report. */
    static List<String> kinds(Pack pack) {
        List<String> out = new ArrayList<>();
        pack.indicators().forEach(d -> out.add(d.id() + ":" + d.kind().id()));
        return out;
    }
}
