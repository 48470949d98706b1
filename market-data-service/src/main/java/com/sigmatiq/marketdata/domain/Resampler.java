package com.sigmatiq.marketdata.domain;

import com.sigmatiq.engine.data.BarResampler;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.Timeframe;
import java.time.ZoneId;

/**
 * Stored bars in a larger timeframe: the engine's {@link BarResampler} (sessions, segments and buckets from the
 * {@link ExchangeCalendar}), with the columns the engine does not carry taken from each bucket's source bars:
 * the adjusted close of its last bar, the dividend and split of its first. Stateless.
 */
public final class Resampler {

    /** Resampled bars and each one's end (epoch ms UTC; the session close for a regular 1d bar). */
    public record Resampled(BarColumns bars, long[] end) {
    }

    private Resampler() {
    }

    /** Whether {@code target} can be built from {@code source}. */
    public static boolean canResample(Timeframe source, Timeframe target) {
        return BarResampler.canResample(source, target);
    }

    public static Resampled resample(BarColumns src, Timeframe source, Timeframe target, ZoneId zone, boolean extended,
                                     ExchangeCalendar calendar) {
        BarSeries series = new BarSeries("bars", zone, source, src.time(), src.open(), src.high(), src.low(), src.close(),
                src.volume());
        BarResampler.Resampled r = BarResampler.resample(series, target, extended, calendar);
        BarSeries b = r.bars();
        int m = r.size();
        double[] adjClose = new double[m];
        double[] dividend = new double[m];
        double[] split = new double[m];
        for (int k = 0; k < m; k++) {
            adjClose[k] = src.adjClose()[r.lastSource()[k]];
            dividend[k] = src.dividend()[r.firstSource()[k]];
            split[k] = src.split()[r.firstSource()[k]];
        }
        return new Resampled(new BarColumns(b.time(), b.open(), b.high(), b.low(), b.close(), b.volume(), adjClose,
                dividend, split), r.end());
    }

    /** Ends of stored (not resampled) bars: start + bar length intraday, the session close for daily bars. */
    public static long[] ends(BarColumns bars, Timeframe timeframe, ZoneId zone, ExchangeCalendar calendar) {
        return BarResampler.ends(bars.time(), timeframe, zone, calendar);
    }
}
