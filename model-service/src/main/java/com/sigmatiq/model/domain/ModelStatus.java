package com.sigmatiq.model.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a model is in its life (DESIGN §7): {@code created → swept → trained → paper_trading → paper_complete → live},
 * plus {@code alerting} (published without paper trading), {@code paused} and {@code retired}.
 *
 * <p>Allowed transitions (anything else is refused):
 * <pre>
 * created        → swept, retired
 * swept          → trained, retired
 * trained        → paper_trading, alerting, retired
 * paper_trading  → paper_complete, paused, retired
 * paper_complete → live, retired
 * live           → paper_trading (demoted back to paper), paused, retired
 * alerting       → paused, retired
 * paused         → paper_trading, alerting, live (resumed), retired
 * retired        → (none: terminal)
 * </pre>
 * Sweep and training move a model through their Kafka events ({@code sweep.completed}, {@code training.completed});
 * publishing a trained model moves it to {@code paper_trading} or {@code alerting} ({@link PublicationService}); the
 * owner may move it with {@code PATCH /models/{id}/status}. A model's status summarises where it stands; each of its
 * publications has its own, stricter lifecycle ({@link PublicationStatus}).
 */
public enum ModelStatus {
    CREATED, SWEPT, TRAINED, PAPER_TRADING, PAPER_COMPLETE, LIVE, ALERTING, PAUSED, RETIRED;

    private static final Map<ModelStatus, Set<ModelStatus>> ALLOWED = Map.of(
            CREATED, EnumSet.of(SWEPT, RETIRED),
            SWEPT, EnumSet.of(TRAINED, RETIRED),
            TRAINED, EnumSet.of(PAPER_TRADING, ALERTING, RETIRED),
            PAPER_TRADING, EnumSet.of(PAPER_COMPLETE, PAUSED, RETIRED),
            PAPER_COMPLETE, EnumSet.of(LIVE, RETIRED),
            LIVE, EnumSet.of(PAPER_TRADING, PAUSED, RETIRED),
            ALERTING, EnumSet.of(PAUSED, RETIRED),
            PAUSED, EnumSet.of(PAPER_TRADING, ALERTING, LIVE, RETIRED),
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
