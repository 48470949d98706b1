package com.sigmatiq.marketdata.domain;

import java.util.Locale;

/** What an import does with bad rows. */
public enum ImportMode {
    /** Store the good rows, list and skip the bad ones. */
    SKIP,
    /** Store nothing when any row is bad. */
    REFUSE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportMode parse(String s) {
        for (ImportMode m : values()) {
            if (m.label().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + s + "'; valid: skip, refuse");
    }
}
