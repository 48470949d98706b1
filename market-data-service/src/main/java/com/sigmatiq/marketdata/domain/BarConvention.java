package com.sigmatiq.marketdata.domain;

import java.util.Locale;

/** What a source file's intraday time stamps mark. Stored bars always carry their start. */
public enum BarConvention {
    /** The stamp is the bar's start (09:30 = the bar 09:30–09:31). */
    START,
    /** The stamp is the bar's end (09:31 = the bar 09:30–09:31), as NinjaTrader and LEAN write. */
    END;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BarConvention parse(String s) {
        for (BarConvention c : values()) {
            if (c.label().equalsIgnoreCase(s.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown bar convention '" + s + "'; valid: start, end");
    }
}
