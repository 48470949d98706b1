package com.sigmatiq.training.domain;

import com.sigmatiq.ml.TrainingStep;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the seed's five steps of a job (seed 5.2).
 *
 * @param step     {@code data_preparation}, {@code feature_engineering}, {@code model_training}, {@code validation},
 *                 {@code calibration}
 * @param status   {@code pending}, {@code in_progress} or {@code complete}
 * @param duration seconds the step took (so far, while in progress is not tracked: null until complete)
 */
public record StepProgress(String step, String status, Double duration) {

    public static final String PENDING = "pending";
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETE = "complete";

    /** Every step pending. */
    public static List<StepProgress> initial() {
        List<StepProgress> out = new ArrayList<>();
        for (TrainingStep s : TrainingStep.values()) {
            out.add(new StepProgress(s.label(), PENDING, null));
        }
        return out;
    }

    /** {@code progress} with {@code step} set to {@code status} (and its duration). */
    public static List<StepProgress> with(List<StepProgress> progress, TrainingStep step, String status, Double duration) {
        List<StepProgress> out = new ArrayList<>(progress);
        out.set(step.ordinal(), new StepProgress(step.label(), status, duration));
        return out;
    }
}
