package com.sigmatiq.sweep.domain;

import java.util.Locale;

/** {@code queued → running → completed}, or {@code cancelled} / {@code failed}. */
public enum SweepStatus {
    QUEUED, RUNNING, COMPLETED, CANCELLED, FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }

    public static SweepStatus of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
