package com.sigmatiq.engine.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * The exchange-local start hours at which a strategy may decide to enter (DESIGN section 4, "Hours").
 * Only bars inside the regular session qualify; on daily bars hours do not apply.
 *
 * @param mask  bit h set = hour h allowed (0–23)
 * @param label how the value was written: {@code all_day}, {@code morning_only}, {@code afternoon_only}, or null for a list
 */
public record AllowedHours(int mask, String label) {

    public static final AllowedHours ALL_DAY = new AllowedHours(0xFFFFFF, "all_day");
    public static final AllowedHours MORNING_ONLY = new AllowedHours(bits(9, 10, 11), "morning_only");
    public static final AllowedHours AFTERNOON_ONLY = new AllowedHours(bits(13, 14, 15), "afternoon_only");

    public boolean allows(int hour) {
        return (mask >>> hour & 1) != 0;
    }

    /** The hours as a JSON-friendly value: the label, or the list of hours. */
    public Object toJson() {
        if (label != null) {
            return label;
        }
        List<Integer> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (allows(h)) {
                hours.add(h);
            }
        }
        return hours;
    }

    /**
     * Reads {@code all_day}, {@code morning_only}, {@code afternoon_only} or a list of hours 0–23.
     *
     * @throws IllegalArgumentException with a message naming the accepted forms
     */
    public static AllowedHours parse(Object value) {
        if (value instanceof String s) {
            return switch (s) {
                case "all_day" -> ALL_DAY;
                case "morning_only" -> MORNING_ONLY;
                case "afternoon_only" -> AFTERNOON_ONLY;
                default -> throw new IllegalArgumentException("unknown allowed_hours '" + s
                        + "'; use all_day, morning_only, afternoon_only or a list of hours such as [9, 10, 11]");
            };
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            int mask = 0;
            for (Object o : list) {
                if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 0 || n.intValue() > 23) {
                    throw new IllegalArgumentException("allowed_hours lists hours from 0 to 23, not " + o);
                }
                mask |= 1 << n.intValue();
            }
            return new AllowedHours(mask, null);
        }
        throw new IllegalArgumentException("allowed_hours must be all_day, morning_only, afternoon_only or a non-empty list of hours, not " + value);
    }

    private static int bits(int... hours) {
        int m = 0;
        for (int h : hours) {
            m |= 1 << h;
        }
        return m;
    }

    @Override
    public String toString() {
        return String.valueOf(toJson());
    }
}
