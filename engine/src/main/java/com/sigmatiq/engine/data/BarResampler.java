package com.sigmatiq.engine.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * Aggregates bars into a larger timeframe by exchange session — the one resampling every part of the platform uses
 * (market-data-service's queries and feeds, the command line).
 *
 * <ul>
 *   <li>A source bar belongs to the exchange-local date of its start and to one of three segments of that date:
 *       pre-market (before 09:30), regular ([09:30, close) where close is 16:00 or 13:00 on early-close days, from
 *       {@link ExchangeCalendar}) and post-market. Buckets never cross a segment: intraday buckets are anchored at
 *       09:30 in the pre-market and regular segments and at the close in the post-market, so 1h bars are 09:30–10:30,
 *       …, 15:30–16:00 (a short last bar), and 1d is the session.</li>
 *   <li>Without {@code extended} only regular-session bars are used; {@code extended} adds the pre- and post-market
 *       bars (a 1d bar then spans the whole local date).</li>
 *   <li>open = first open, high = max, low = min, close = last close, volume = sum (NaN when no bar has volume).
 *       A bucket's start is its nominal start (09:30 local for the first regular bucket) converted to UTC with the
 *       zone's rules of that date, so DST changes shift the UTC times and nothing else; a 1d bar starts at local
 *       midnight like imported daily bars.</li>
 * </ul>
 * Stateless.
 */
public final class BarResampler {

    /**
     * Resampled bars with, per bar, its end (epoch ms UTC; the session close for a regular 1d bar) and the first and
     * last source bar it aggregates (for callers that carry more columns than OHLCV).
     */
    public record Resampled(BarSeries bars, long[] end, int[] firstSource, int[] lastSource) {
        public int size() {
            return bars.size();
        }
    }

    private BarResampler() {
    }

    /** Whether {@code target} bars can be built from {@code source} bars. */
    public static boolean canResample(Timeframe source, Timeframe target) {
        if (target == source) {
            return true;
        }
        if (source.isDaily()) {
            return false;
        }
        return target.isDaily() || (target.millis() > source.millis() && target.millis() % source.millis() == 0);
    }

    /** {@code src} in {@code target} bars on the NYSE calendar; see the class comment for {@code extended}. */
    public static Resampled resample(BarSeries src, Timeframe target, boolean extended) {
        return resample(src, target, extended, ExchangeCalendar.NYSE);
    }

    /**
     * @throws IllegalArgumentException when {@code target} cannot be built from the series' bar size
     */
    public static Resampled resample(BarSeries src, Timeframe target, boolean extended, ExchangeCalendar calendar) {
        Timeframe source = src.timeframe();
        if (!canResample(source, target)) {
            throw new IllegalArgumentException("cannot build " + target + " bars from " + source + " bars");
        }
        ZoneId zone = src.zone();
        int n = src.size();
        long[] srcTime = src.time();
        double[] srcOpen = src.open();
        double[] srcHigh = src.high();
        double[] srcLow = src.low();
        double[] srcClose = src.close();
        double[] srcVolume = src.volume();
        long[] time = new long[n];
        long[] end = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        int[] first = new int[n];
        int[] last = new int[n];
        ZoneRules rules = zone.getRules();
        int width = target.isDaily() ? 0 : (int) (target.millis() / 60_000L);
        int m = -1;
        long curDay = Long.MIN_VALUE;
        int curBucket = Integer.MIN_VALUE;
        int closeMinute = ExchangeCalendar.CLOSE_MINUTE;
        long closeDay = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long t = srcTime[i];
            int offset = rules.getOffset(Instant.ofEpochMilli(t)).getTotalSeconds();
            long local = Math.floorDiv(t, 1000L) + offset;
            long day = Math.floorDiv(local, 86_400L);
            int minute = (int) (Math.floorMod(local, 86_400L) / 60);
            if (day != closeDay) {
                closeDay = day;
                closeMinute = calendar.closeMinute(LocalDate.ofEpochDay(day));
            }
            boolean regular = minute >= ExchangeCalendar.OPEN_MINUTE && minute < closeMinute;
            if (!regular && !extended && !source.isDaily()) {
                continue;
            }
            int bucket;
            int bucketEndMinute;
            if (target.isDaily() || source.isDaily()) {
                bucket = 0;
                bucketEndMinute = extended ? 24 * 60 : closeMinute;
            } else {
                int anchor = minute >= closeMinute ? closeMinute : ExchangeCalendar.OPEN_MINUTE;
                bucket = anchor + Math.floorDiv(minute - anchor, width) * width;
                int segmentEnd = minute < ExchangeCalendar.OPEN_MINUTE ? ExchangeCalendar.OPEN_MINUTE
                        : minute < closeMinute ? closeMinute : 24 * 60;
                bucketEndMinute = Math.min(bucket + width, segmentEnd);
            }
            if (day != curDay || bucket != curBucket) {
                m++;
                curDay = day;
                curBucket = bucket;
                LocalDate date = LocalDate.ofEpochDay(day);
                time[m] = source.isDaily() ? t : date.atStartOfDay().plusMinutes(bucket).atZone(zone).toInstant().toEpochMilli();
                end[m] = date.atStartOfDay().plusMinutes(bucketEndMinute).atZone(zone).toInstant().toEpochMilli();
                open[m] = srcOpen[i];
                high[m] = srcHigh[i];
                low[m] = srcLow[i];
                close[m] = srcClose[i];
                volume[m] = srcVolume[i];
                first[m] = i;
            } else {
                high[m] = Math.max(high[m], srcHigh[i]);
                low[m] = Math.min(low[m], srcLow[i]);
                close[m] = srcClose[i];
                double v = srcVolume[i];
                if (!Double.isNaN(v)) {
                    volume[m] = Double.isNaN(volume[m]) ? v : volume[m] + v;
                }
            }
            last[m] = i;
        }
        int count = m + 1;
        BarSeries bars = new BarSeries(src.ticker(), zone, target, Arrays.copyOf(time, count), Arrays.copyOf(open, count),
                Arrays.copyOf(high, count), Arrays.copyOf(low, count), Arrays.copyOf(close, count),
                Arrays.copyOf(volume, count));
        return new Resampled(bars, Arrays.copyOf(end, count), Arrays.copyOf(first, count), Arrays.copyOf(last, count));
    }

    /**
     * Ends (epoch ms UTC) of bars taken as they are: start + bar length intraday, the session close for daily bars.
     *
     * @param time bar starts of {@code timeframe} bars in {@code zone}
     */
    public static long[] ends(long[] time, Timeframe timeframe, ZoneId zone, ExchangeCalendar calendar) {
        long[] end = new long[time.length];
        for (int i = 0; i < end.length; i++) {
            long t = time[i];
            if (timeframe.isDaily()) {
                LocalDate date = Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
                int close = calendar.closeMinute(date);
                end[i] = date.atStartOfDay().plusMinutes(close).atZone(zone).toInstant().toEpochMilli();
            } else {
                end[i] = t + timeframe.millis();
            }
        }
        return end;
    }
}
