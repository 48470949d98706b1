package com.sigmatiq.model.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a publication is in its life (DESIGN §7): {@code paper_trading → paper_complete → live}, or {@code alerting}
 * when published without paper trading; {@code paused} from {@code paper_trading}, {@code alerting} or {@code live}
 * (resuming returns to the status it was paused from, {@link Publication#pausedFrom()}); {@code retired} from any
 * other status, terminal.
 *
 * <pre>
 * paper_trading  → paper_complete, paused, retired
 * paper_complete → live, retired
 * live           → paused, retired
 * alerting       → paused, retired
 * paused         → the status it was paused from, retired
 * retired        → (none)
 * </pre>
 */
public enum PublicationStatus {
    PAPER_TRADING, PAPER_COMPLETE, LIVE, ALERTING, PAUSED, RETIRED;

    private static final Map<PublicationStatus, Set<PublicationStatus>> ALLOWED = Map.of(
            PAPER_TRADING, EnumSet.of(PAPER_COMPLETE, PAUSED, RETIRED),
            PAPER_COMPLETE, EnumSet.of(LIVE, RETIRED),
            LIVE, EnumSet.of(PAUSED, RETIRED),
            ALERTING, EnumSet.of(PAUSED, RETIRED),
            PAUSED, EnumSet.of(PAPER_TRADING, LIVE, ALERTING, RETIRED),
            RETIRED, EnumSet.noneOf(PublicationStatus.class));

    /** The name as written in JSON and events ({@code paper_trading}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a publication in this status may move to {@code next}.
     *
     * @param pausedFrom the status a paused publication was paused from (it may only resume to that one); ignored
     *                   for other statuses
     */
    public boolean canMoveTo(PublicationStatus next, PublicationStatus pausedFrom) {
        if (this == PAUSED && next != RETIRED) {
            return next == pausedFrom;
        }
        return ALLOWED.get(this).contains(next);
    }

    /** The statuses this one may move to, in lifecycle order ({@link #canMoveTo}). */
    public List<PublicationStatus> nextStatuses(PublicationStatus pausedFrom) {
        return Arrays.stream(values()).filter(s -> canMoveTo(s, pausedFrom)).toList();
    }

    /**
     * @throws IllegalArgumentException for anything but a label of this enum
     */
    public static PublicationStatus parse(String label) {
        for (PublicationStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown publication status '" + label + "'");
    }
}
