package com.sigmatiq.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XGBoost's settings under the seed's names (DESIGN §6): {@code n_estimators} 200, {@code max_depth} 5,
 * {@code learning_rate} 0.01, {@code subsample} 0.8, {@code colsample_bytree} 0.8; plus the fixed {@code seed} and
 * the {@code nthread} the booster is built with. Trees are grown with {@code tree_method} hist and the
 * {@code binary:logistic} objective.
 *
 * <p>Both seed and thread count are part of what makes a booster reproducible: the same data and hyperparameters
 * give the same bytes.
 */
public record Hyperparameters(int nEstimators, int maxDepth, double learningRate, double subsample,
                              double colsampleBytree, long seed, int nthread) {

    public static final int DEFAULT_N_ESTIMATORS = 200;
    public static final int DEFAULT_MAX_DEPTH = 5;
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    public static final double DEFAULT_SUBSAMPLE = 0.8;
    public static final double DEFAULT_COLSAMPLE_BYTREE = 0.8;
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_NTHREAD = 2;

    /** The seed's defaults. */
    public static Hyperparameters defaults() {
        return new Hyperparameters(DEFAULT_N_ESTIMATORS, DEFAULT_MAX_DEPTH, DEFAULT_LEARNING_RATE, DEFAULT_SUBSAMPLE,
                DEFAULT_COLSAMPLE_BYTREE, DEFAULT_SEED, DEFAULT_NTHREAD);
    }

    /**
     * The problems of these values, each as (field, reason) with the seed's field names; empty when they are valid.
     */
    public List<String[]> problems() {
        List<String[]> out = new ArrayList<>();
        if (nEstimators < 1 || nEstimators > 5000) {
            out.add(new String[] {"n_estimators", "n_estimators is 1 to 5000, got " + nEstimators});
        }
        if (maxDepth < 1 || maxDepth > 16) {
            out.add(new String[] {"max_depth", "max_depth is 1 to 16, got " + maxDepth});
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            out.add(new String[] {"learning_rate", "learning_rate is above 0 and at most 1, got " + learningRate});
        }
        if (!(subsample > 0 && subsample <= 1)) {
            out.add(new String[] {"subsample", "subsample is above 0 and at most 1, got " + subsample});
        }
        if (!(colsampleBytree > 0 && colsampleBytree <= 1)) {
            out.add(new String[] {"colsample_bytree", "colsample_bytree is above 0 and at most 1, got " + colsampleBytree});
        }
        if (nthread < 1 || nthread > 256) {
            out.add(new String[] {"nthread", "nthread is 1 to 256, got " + nthread});
        }
        return out;
    }

    /** XGBoost's parameter map (booster settings; the number of rounds is {@link #nEstimators()}). */
    public Map<String, Object> boosterParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "binary:logistic");
        p.put("tree_method", "hist");
        p.put("eta", learningRate);
        p.put("max_depth", maxDepth);
        p.put("subsample", subsample);
        p.put("colsample_bytree", colsampleBytree);
        p.put("seed", seed);
        p.put("nthread", nthread);
        p.put("eval_metric", "logloss");
        p.put("verbosity", 0);
        return p;
    }

    /** As the seed writes them (snake_case names), for results and metadata. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n_estimators", nEstimators);
        m.put("max_depth", maxDepth);
        m.put("learning_rate", learningRate);
        m.put("subsample", subsample);
        m.put("colsample_bytree", colsampleBytree);
        m.put("seed", seed);
        m.put("nthread", nthread);
        m.put("tree_method", "hist");
        return m;
    }
}
