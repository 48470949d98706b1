package com.sigmatiq.training.domain;

import java.util.Locale;

/** Where a training job is: {@code queued → training → completed | failed}. */
public enum JobStatus {
    QUEUED, TRAINING, COMPLETED, FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED;
    }

    public static JobStatus parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
