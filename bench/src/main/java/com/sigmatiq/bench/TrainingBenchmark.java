package com.sigmatiq.bench;

import com.sigmatiq.ml.Hyperparameters;
import com.sigmatiq.ml.MetaLabelTrainer;
import com.sigmatiq.ml.TrainingSettings;
import java.util.Arrays;
import java.util.HashMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The training service's booster step beside raw xgboost4j on the same matrix in the same run: 50,000 samples × 20
 * features, 200 trees of depth 5 (hist, 2 threads, the seed's learning rate and sampling). The target: the
 * service's step at most 30% over raw xgboost4j.
 * <ul>
 *   <li>{@code rawXgboost4j}: {@code DMatrix} from the row-major floats, labels, {@code XGBoost.train};</li>
 *   <li>{@code trainingStep}: {@link MetaLabelTrainer#fit}, what a job's {@code model_training} step runs;</li>
 *   <li>{@code fitValidateCalibrate}: {@link MetaLabelTrainer#fitAndScore}, the steps {@code model_training},
 *       {@code validation} and {@code calibration}: the same booster on the same 50,000 rows, which are 64% of a
 *       78,125-row matrix whose next 16% fit the Platt scaling and last 20% validate (margins of every part, seven
 *       metrics on two parts, the calibration curve).</li>
 * </ul>
 * Features are a deterministic random matrix; labels a noisy linear rule of three of them, so the trees have
 * something to split on.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar TrainingBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class TrainingBenchmark {

    static final int ROWS = 50_000;
    static final int COLS = 20;
    /** Rows of the split matrix: the first {@value #ROWS} fit the booster (64%). */
    static final int ALL_ROWS = ROWS * 100 / 64;

    private final Hyperparameters h = Hyperparameters.defaults();
    private float[] x;
    private float[] y;
    private int[] labels;
    private String[] names;
    private MetaLabelTrainer.Plan plan;
    private MetaLabelTrainer.Samples samples;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(12);
        float[] all = new float[ALL_ROWS * COLS];
        labels = new int[ALL_ROWS];
        for (int i = 0; i < ALL_ROWS; i++) {
            for (int j = 0; j < COLS; j++) {
                all[i * COLS + j] = (float) rnd.nextGaussian();
            }
            double s = all[i * COLS] + 0.5 * all[i * COLS + 1] - 0.3 * all[i * COLS + 2] + rnd.nextGaussian();
            labels[i] = s > 0 ? 1 : 0;
        }
        x = Arrays.copyOf(all, ROWS * COLS);
        y = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = labels[i];
        }
        names = IntStream.range(0, COLS).mapToObj(j -> "f" + j).toArray(String[]::new);
        int cal = ALL_ROWS * 16 / 100;
        plan = new MetaLabelTrainer.Plan(null, IntStream.range(0, ROWS).toArray(), IntStream.range(ROWS, ROWS + cal).toArray(),
                IntStream.range(ROWS + cal, ALL_ROWS).toArray(), 0);
        samples = new MetaLabelTrainer.Samples(all, COLS, labels, names);
    }

    @Benchmark
    public long rawXgboost4j() throws XGBoostError {
        DMatrix m = new DMatrix(x, ROWS, COLS, Float.NaN);
        try {
            m.setLabel(y);
            Booster b = XGBoost.train(m, h.boosterParams(), h.nEstimators(), new HashMap<>(), null, null);
            int rounds = b.getNumBoostedRound();
            b.dispose();
            return rounds;
        } finally {
            m.dispose();
        }
    }

    @Benchmark
    public long trainingStep() throws XGBoostError {
        Booster b = MetaLabelTrainer.fit(x, y, ROWS, names, h);
        int rounds = b.getNumBoostedRound();
        b.dispose();
        return rounds;
    }

    @Benchmark
    public double fitValidateCalibrate() {
        MetaLabelTrainer.Scored s = MetaLabelTrainer.fitAndScore(plan, samples, TrainingSettings.defaults(), h);
        s.booster().dispose();
        return s.metrics().validation().aucRoc();
    }
}
