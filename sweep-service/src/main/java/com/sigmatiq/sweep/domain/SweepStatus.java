package com.sigmatiq.sweep.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /** The status with this label, ignoring case; empty for anything else. */
    public static Optional<SweepStatus> parse(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equalsIgnoreCase(label)).findFirst();
    }

    /** Every label, in lifecycle order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(SweepStatus::label).toList();
    }
}
