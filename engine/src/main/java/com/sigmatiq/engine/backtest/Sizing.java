package com.sigmatiq.engine.backtest;

/** How much of the equity at the deciding close a new position invests. */
public sealed interface Sizing {

    /**
     * A configuration's {@code position_size_pct}.
     *
     * @param fraction fraction of equity at the deciding close, in (0, 1]; 0.02 = 2%
     */
    record FixedFraction(double fraction) implements Sizing {
        public FixedFraction {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("position_size_pct must be in (0, 100], got " + fraction * 100);
            }
        }
    }

    /**
     * The pack policy {@code kelly_fraction}: half the Kelly fraction W − (1 − W)/R of the trades closed so
     * far (W when there is no loser), clamped to [minFraction, maxFraction]; {@code maxFraction} until ten
     * trades have closed.
     *
     * @param minFraction {@code min_position_pct} as a fraction (default {@link #DEFAULT_MIN_FRACTION})
     * @param maxFraction {@code max_position_pct} as a fraction, in (0, 1]
     */
    record Kelly(double minFraction, double maxFraction) implements Sizing {

        /** {@code min_position_pct} default, 0.5% of equity. */
        public static final double DEFAULT_MIN_FRACTION = 0.005;

        /** Closed trades needed before the Kelly estimate replaces {@code maxFraction}. */
        public static final int MIN_CLOSED_TRADES = 10;

        public Kelly {
            if (!(maxFraction > 0 && maxFraction <= 1)) {
                throw new IllegalArgumentException("max_position_pct must be in (0, 100], got " + maxFraction * 100);
            }
            if (!(minFraction >= 0 && minFraction <= maxFraction)) {
                throw new IllegalArgumentException("min_position_pct must be in [0, max_position_pct = "
                        + maxFraction * 100 + "], got " + minFraction * 100);
            }
        }
    }
}
