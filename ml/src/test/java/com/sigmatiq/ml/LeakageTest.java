package com.sigmatiq.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.training.TrainingDataset;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Honest numbers: with the information between features and labels destroyed (labels permuted, or features replaced
 * by noise), the validation AUC of the whole method (plan, booster, calibration, metrics) stays near chance; and the
 * same measurement catches a feature that leaks the label. If the split let validation samples into training, or
 * the metrics were computed on the wrong rows, the control would not tell the two apart.
 */
class LeakageTest {

    static final int SEEDS = 4;
    static final Hyperparameters H = Hyperparameters.defaults();
    /** Uncalibrated: the AUC is then the booster's own ranking (a calibration that fell back to the base rate would
     *  score exactly 0.5 whatever the booster learnt, and prove nothing). */
    static final TrainingSettings SETTINGS = TrainingSettings.defaults().withCalibration(TrainingSettings.Calibration.NONE);
    static TrainingDataset d;
    static MetaLabelTrainer.Plan plan;

    @BeforeAll
    static void build() {
        d = MetaLabelTrainer.dataset(Spy.seedRequest());
        plan = MetaLabelTrainer.plan(d, SETTINGS);
    }

    @Test
    void permutedLabelsScoreChance() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            int[] labels = d.labels().clone();
            shuffle(labels, new Random(seed));
            double auc = validationAuc(new MetaLabelTrainer.Samples(d.features(), d.featureCount(), labels, d.featureNames()));
            assertThat(auc).as("seed %d", seed).isBetween(0.4, 0.6);
        }
    }

    @Test
    void noiseFeaturesScoreChance() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Random rnd = new Random(seed);
            float[] noise = new float[d.features().length];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) rnd.nextGaussian();
            }
            double auc = validationAuc(new MetaLabelTrainer.Samples(noise, d.featureCount(), d.labels(), d.featureNames()));
            assertThat(auc).as("seed %d", seed).isBetween(0.4, 0.6);
        }
    }

    /** The control: the label itself as one more feature is found at once. */
    @Test
    void aLeakingFeatureIsCaught() {
        int w = d.featureCount() + 1;
        float[] leaking = new float[d.size() * w];
        String[] names = new String[w];
        System.arraycopy(d.featureNames(), 0, names, 0, w - 1);
        names[w - 1] = "label_leak";
        for (int i = 0; i < d.size(); i++) {
            System.arraycopy(d.features(), i * (w - 1), leaking, i * w, w - 1);
            leaking[i * w + w - 1] = d.labels()[i];
        }
        double auc = validationAuc(new MetaLabelTrainer.Samples(leaking, w, d.labels(), names));
        assertThat(auc).isGreaterThan(0.95);
    }

    private static double validationAuc(MetaLabelTrainer.Samples samples) {
        MetaLabelTrainer.Scored s = MetaLabelTrainer.fitAndScore(plan, samples, SETTINGS, H);
        s.booster().dispose();
        return s.metrics().validation().aucRoc();
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
