package com.sigmatiq.model.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a model is in its life: {@code created → swept → trained → published → paper_trading → live → retired}.
 *
 * <p>Allowed transitions (anything else is refused):
 * <pre>
 * created       → swept, retired
 * swept         → trained, retired
 * trained       → published, retired
 * published     → paper_trading, retired
 * paper_trading → live, retired
 * live          → paper_trading (demoted back to paper), retired
 * retired       → (none: terminal)
 * </pre>
 * The sweep, training, publishing and simulation services drive these changes: sweep and training through their
 * Kafka events ({@code sweep.completed}, {@code training.completed}), the others today through
 * {@code PATCH /models/{id}/status}.
 */
public enum ModelStatus {
    CREATED, SWEPT, TRAINED, PUBLISHED, PAPER_TRADING, LIVE, RETIRED;

    private static final Map<ModelStatus, Set<ModelStatus>> ALLOWED = Map.of(
            CREATED, EnumSet.of(SWEPT, RETIRED),
            SWEPT, EnumSet.of(TRAINED, RETIRED),
            TRAINED, EnumSet.of(PUBLISHED, RETIRED),
            PUBLISHED, EnumSet.of(PAPER_TRADING, RETIRED),
            PAPER_TRADING, EnumSet.of(LIVE, RETIRED),
            LIVE, EnumSet.of(PAPER_TRADING, RETIRED),
            RETIRED, EnumSet.noneOf(ModelStatus.class));

    /** The name as written in JSON and events ({@code paper_trading}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canMoveTo(ModelStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** The statuses this one may move to, in lifecycle order. */
    public List<ModelStatus> nextStatuses() {
        return Arrays.stream(values()).filter(this::canMoveTo).toList();
    }

    /** Every label, in lifecycle order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(ModelStatus::label).toList();
    }

    /**
     * @throws IllegalArgumentException for anything but one of {@link #labels()}
     */
    public static ModelStatus parse(String label) {
        for (ModelStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + label + "'");
    }
}
