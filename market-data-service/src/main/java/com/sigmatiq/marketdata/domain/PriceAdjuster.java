package com.sigmatiq.marketdata.domain;

/**
 * Adjusted prices from raw bars and their corporate actions (back-adjustment: the latest bar is unchanged, earlier
 * bars are scaled so that returns across an ex-date or a split are continuous).
 *
 * <ul>
 *   <li>When every bar carries the source's adjusted close ({@code adjClose}), each bar's OHLC is scaled by
 *       adjClose / close (the vendor's own factor; volume unchanged).</li>
 *   <li>Otherwise the dividend and split columns are used: a dividend D going ex on bar i scales every bar before i by
 *       1 − D / close[i−1]; a split of ratio s on bar i scales their prices by 1/s and their volume by s, unless the
 *       source's prices are already split-adjusted (the zipline files: the split column only marks the event).</li>
 * </ul>
 * The columns must reach the latest corporate action that should apply (callers load to the end of the series).
 */
public final class PriceAdjuster {

    private PriceAdjuster() {
    }

    public static BarColumns adjust(BarColumns raw, boolean pricesSplitAdjusted) {
        int n = raw.size();
        BarColumns out = BarColumns.allocate(n);
        boolean allAdj = n > 0;
        for (int i = 0; i < n && allAdj; i++) {
            allAdj = !Double.isNaN(raw.adjClose()[i]);
        }
        double price = 1.0, volume = 1.0;
        for (int i = n - 1; i >= 0; i--) {
            double f = allAdj ? raw.adjClose()[i] / raw.close()[i] : price;
            out.time()[i] = raw.time()[i];
            out.open()[i] = raw.open()[i] * f;
            out.high()[i] = raw.high()[i] * f;
            out.low()[i] = raw.low()[i] * f;
            out.close()[i] = raw.close()[i] * f;
            out.volume()[i] = raw.volume()[i] * (allAdj ? 1.0 : volume);
            out.adjClose()[i] = raw.adjClose()[i];
            out.dividend()[i] = raw.dividend()[i];
            out.split()[i] = raw.split()[i];
            if (i > 0) {
                double d = raw.dividend()[i];
                if (d > 0) {
                    price *= 1.0 - d / raw.close()[i - 1];
                }
                double s = raw.split()[i];
                if (!pricesSplitAdjusted && s > 0 && s != 1.0) {
                    price /= s;
                    volume *= s;
                }
            }
        }
        return out;
    }
}
