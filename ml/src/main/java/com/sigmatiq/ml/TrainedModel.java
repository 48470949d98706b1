package com.sigmatiq.ml;

import com.sigmatiq.engine.expr.SymbolTable;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.signal.BarFeatures;
import com.sigmatiq.engine.signal.ConfidenceModel;
import com.sigmatiq.engine.training.FeatureSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * DESIGN §6's one prediction component: a trained model's artifacts in, a calibrated probability out for a feature
 * vector in the order of its {@link FeatureSchema}. Training validation, the command line, alerts and paper trading
 * all predict through this class, and {@link #confidence(Pack)} plugs it into the engine's {@link ConfidenceModel}
 * hook, so a backtest, the streaming evaluator and the runtime ask the very same function.
 *
 * <p>Artifacts (each a file of a trained model, {@link #artifacts()}):
 * <ul>
 *   <li>{@value #BOOSTER}: the booster in XGBoost's own UBJSON format;</li>
 *   <li>{@value #FEATURE_SCHEMA}: the feature names in order, pack id and version, strategy and effective
 *       configuration;</li>
 *   <li>{@value #CALIBRATION}: the Platt scaling of the booster's margin;</li>
 *   <li>{@value #METADATA}: data range and hash, hyperparameters, library versions and metrics (informative: not
 *       needed to predict).</li>
 * </ul>
 *
 * <p>Predicting is thread-safe. The booster's native memory is freed by {@link #close()}.
 */
public final class TrainedModel implements AutoCloseable {

    public static final String BOOSTER = "booster.ubj";
    public static final String FEATURE_SCHEMA = "feature_schema.json";
    public static final String CALIBRATION = "calibration.json";
    public static final String METADATA = "metadata.json";
    /** Every artifact name, in the order they are written. */
    public static final List<String> ARTIFACTS = List.of(BOOSTER, FEATURE_SCHEMA, CALIBRATION, METADATA);

    private final Booster booster;
    private final byte[] boosterBytes;
    private final FeatureSchema schema;
    private final PlattCalibration calibration;
    private final byte[] metadata;
    private static final int RECENT_ROWS = 4096;
    private final Map<Row, Double> recent = new ConcurrentHashMap<>();

    TrainedModel(Booster booster, FeatureSchema schema, PlattCalibration calibration, byte[] metadata) {
        this.booster = Objects.requireNonNull(booster, "booster");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        this.metadata = metadata == null ? new byte[0] : metadata.clone();
        try {
            this.boosterBytes = booster.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost cannot write the booster: " + e.getMessage(), e);
        }
    }

    /** A copy with {@code metadata} as its metadata artifact. */
    TrainedModel withMetadata(byte[] newMetadata) {
        return new TrainedModel(booster, schema, calibration, newMetadata);
    }

    /**
     * The model of a set of artifacts ({@link #artifacts()} of a saved model).
     *
     * @throws IllegalArgumentException when an artifact is missing or does not read
     */
    public static TrainedModel load(Map<String, byte[]> artifacts) {
        for (String name : List.of(BOOSTER, FEATURE_SCHEMA, CALIBRATION)) {
            if (!artifacts.containsKey(name)) {
                throw new IllegalArgumentException("a trained model needs " + name + "; found " + artifacts.keySet());
            }
        }
        Booster booster;
        try {
            booster = XGBoost.loadModel(artifacts.get(BOOSTER));
        } catch (XGBoostError | IOException e) {
            throw new IllegalArgumentException(BOOSTER + " is not an XGBoost model: " + e.getMessage(), e);
        }
        return new TrainedModel(booster, ArtifactJson.readSchema(artifacts.get(FEATURE_SCHEMA)),
                ArtifactJson.readCalibration(artifacts.get(CALIBRATION)), artifacts.get(METADATA));
    }

    /** The model saved in {@code dir} by {@link #save(Path)}. */
    public static TrainedModel load(Path dir) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : ARTIFACTS) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                try {
                    files.put(name, Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f, e);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no trained model (expected " + String.join(", ", ARTIFACTS) + ")");
        }
        return load(files);
    }

    /** Writes every artifact into {@code dir} (created when missing). */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> a : artifacts().entrySet()) {
                Files.write(dir.resolve(a.getKey()), a.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trained model to " + dir, e);
        }
    }

    /** The artifacts by name, in {@link #ARTIFACTS} order (copies). */
    public Map<String, byte[]> artifacts() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(BOOSTER, boosterBytes.clone());
        out.put(FEATURE_SCHEMA, ArtifactJson.write(schema));
        out.put(CALIBRATION, ArtifactJson.write(calibration));
        out.put(METADATA, metadata.clone());
        return out;
    }

    public FeatureSchema schema() {
        return schema;
    }

    public PlattCalibration calibration() {
        return calibration;
    }

    /** The booster as XGBoost writes it (UBJSON). */
    public byte[] boosterBytes() {
        return boosterBytes.clone();
    }

    /** The pack names the features read at a bar's close (the schema less its derived columns). */
    public List<String> inputNames() {
        return schema.packColumns();
    }

    /** Booster margins (log-odds) of {@code rows} row-major feature vectors. */
    public double[] margins(float[] features, int rows) {
        int width = schema.size();
        if (features.length != (long) rows * width) {
            throw new IllegalArgumentException(rows + " rows of " + width + " features need " + (long) rows * width
                    + " values, got " + features.length);
        }
        synchronized (booster) {
            return MetaLabelTrainer.margins(booster, features, rows, width);
        }
    }

    /** Calibrated probabilities of {@code rows} row-major feature vectors. */
    public double[] probabilities(float[] features, int rows) {
        double[] out = margins(features, rows);
        for (int i = 0; i < rows; i++) {
            out[i] = calibration.probability(out[i]);
        }
        return out;
    }

    /**
     * The calibrated probability of one feature vector. The booster is asked once per distinct vector among the last
     * few thousand (many published models of one trained model and ticker ask for the same bar's vector; a booster's
     * answer to a vector never changes).
     */
    public double probability(float[] features) {
        Row key = new Row(features.clone());
        Double known = recent.get(key);
        if (known != null) {
            return known;
        }
        double p = probabilities(features, 1)[0];
        if (recent.size() >= RECENT_ROWS) {
            recent.clear();
        }
        recent.put(key, p);
        return p;
    }

    /** A feature vector as a key: equal when every value is (NaN equals NaN). */
    private record Row(float[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(values, r.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /**
     * This model as the engine's confidence hook for a strategy of {@code pack}: at each candidate bar it builds the
     * feature vector exactly as the training dataset does (pack values as floats, then entry score, hour and day of
     * week) and answers the calibrated probability. The evaluator or backtest must compute {@link #inputNames()}
     * ({@code SignalEngine.compile(config, model.inputNames())}). One hook per evaluator: it reuses its buffer.
     *
     * @throws IllegalArgumentException when the pack lacks a name of the schema
     */
    public ConfidenceModel confidence(Pack pack) {
        if (!pack.id().equals(schema.packId())) {
            throw new IllegalArgumentException("this model was trained on pack " + schema.packId() + ", not " + pack.id());
        }
        SymbolTable symbols = pack.symbols();
        List<String> inputs = inputNames();
        int[] slots = new int[inputs.size()];
        for (int j = 0; j < slots.length; j++) {
            slots[j] = symbols.slot(inputs.get(j));
            if (slots[j] < 0) {
                throw new IllegalArgumentException("pack " + pack.id() + " has no '" + inputs.get(j) + "' for this model");
            }
        }
        float[] row = new float[schema.size()];
        return bar -> {
            vector(bar, slots, row);
            return probability(row);
        };
    }

    /** Fills {@code row} with the schema's features of {@code bar}. */
    static void vector(BarFeatures bar, int[] slots, float[] row) {
        int n = slots.length;
        for (int j = 0; j < n; j++) {
            row[j] = (float) bar.value(slots[j]);
        }
        row[n] = (float) bar.entryScore();
        row[n + 1] = bar.hour();
        row[n + 2] = bar.dayOfWeek();
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
