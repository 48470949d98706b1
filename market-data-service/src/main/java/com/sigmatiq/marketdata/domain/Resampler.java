package com.sigmatiq.marketdata.domain;

import com.sigmatiq.engine.data.Timeframe;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Aggregates bars into a larger timeframe by exchange session.
 *
 * <ul>
 *   <li>A source bar belongs to the exchange-local date of its start and to one of three segments of that date:
 *       pre-market (before 09:30), regular ([09:30, close) where close is 16:00 or 13:00 on early-close days, from
 *       {@link SessionCalendar}) and post-market. Buckets never cross a segment: intraday buckets are anchored at
 *       09:30 in the pre-market and regular segments and at the close in the post-market, so 1h bars are 09:30–10:30, …,
 *       15:30–16:00 (a short last bar), and 1d is the session.</li>
 *   <li>By default only regular-session bars are used; {@code extended} adds the pre- and post-market bars (a 1d bar
 *       then spans the whole local date).</li>
 *   <li>open = first open, high = max, low = min, close = last close, volume = sum (NaN when no bar has volume).
 *       A bucket's start is its nominal start (09:30 local for the first regular bucket) converted to UTC with the
 *       zone's rules of that date, so DST changes shift the UTC times and nothing else; a 1d bar starts at local
 *       midnight like imported daily bars.</li>
 * </ul>
 * Stateless.
 */
public final class Resampler {

    /** Resampled bars and each one's end (epoch ms UTC; the session close for a regular 1d bar). */
    public record Resampled(BarColumns bars, long[] end) {
    }

    private Resampler() {
    }

    /** Whether {@code target} can be built from {@code source}. */
    public static boolean canResample(Timeframe source, Timeframe target) {
        if (target == source) {
            return true;
        }
        if (source.isDaily()) {
            return false;
        }
        return target.isDaily() || (target.millis() > source.millis() && target.millis() % source.millis() == 0);
    }

    public static Resampled resample(BarColumns src, Timeframe source, Timeframe target, ZoneId zone, boolean extended,
                                     SessionCalendar calendar) {
        if (!canResample(source, target)) {
            throw new IllegalArgumentException("cannot build " + target + " bars from " + source + " bars");
        }
        int n = src.size();
        BarColumns out = BarColumns.allocate(n);
        long[] end = new long[n];
        ZoneRules rules = zone.getRules();
        int width = target.isDaily() ? 0 : (int) (target.millis() / 60_000L);
        int m = -1;
        long curDay = Long.MIN_VALUE;
        int curBucket = Integer.MIN_VALUE;
        int closeMinute = SessionCalendar.CLOSE_MINUTE;
        long closeDay = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long t = src.time()[i];
            int offset = rules.getOffset(Instant.ofEpochMilli(t)).getTotalSeconds();
            long local = Math.floorDiv(t, 1000L) + offset;
            long day = Math.floorDiv(local, 86_400L);
            int minute = (int) (Math.floorMod(local, 86_400L) / 60);
            if (day != closeDay) {
                closeDay = day;
                closeMinute = calendar.closeMinute(LocalDate.ofEpochDay(day));
            }
            boolean regular = minute >= SessionCalendar.OPEN_MINUTE && minute < closeMinute;
            if (!regular && !extended && !source.isDaily()) {
                continue;
            }
            int bucket;
            int bucketEndMinute;
            if (target.isDaily() || source.isDaily()) {
                bucket = 0;
                bucketEndMinute = extended ? 24 * 60 : closeMinute;
            } else {
                int anchor = minute >= closeMinute ? closeMinute : SessionCalendar.OPEN_MINUTE;
                bucket = anchor + Math.floorDiv(minute - anchor, width) * width;
                int segmentEnd = minute < SessionCalendar.OPEN_MINUTE ? SessionCalendar.OPEN_MINUTE
                        : minute < closeMinute ? closeMinute : 24 * 60;
                bucketEndMinute = Math.min(bucket + width, segmentEnd);
            }
            if (day != curDay || bucket != curBucket) {
                m++;
                curDay = day;
                curBucket = bucket;
                LocalDate date = LocalDate.ofEpochDay(day);
                out.time()[m] = source.isDaily() ? t
                        : date.atStartOfDay().plusMinutes(bucket).atZone(zone).toInstant().toEpochMilli();
                end[m] = date.atStartOfDay().plusMinutes(bucketEndMinute).atZone(zone).toInstant().toEpochMilli();
                out.open()[m] = src.open()[i];
                out.high()[m] = src.high()[i];
                out.low()[m] = src.low()[i];
                out.close()[m] = src.close()[i];
                out.volume()[m] = src.volume()[i];
                out.adjClose()[m] = src.adjClose()[i];
                out.dividend()[m] = src.dividend()[i];
                out.split()[m] = src.split()[i];
            } else {
                out.high()[m] = Math.max(out.high()[m], src.high()[i]);
                out.low()[m] = Math.min(out.low()[m], src.low()[i]);
                out.close()[m] = src.close()[i];
                double v = src.volume()[i];
                if (!Double.isNaN(v)) {
                    out.volume()[m] = Double.isNaN(out.volume()[m]) ? v : out.volume()[m] + v;
                }
                out.adjClose()[m] = src.adjClose()[i];
            }
        }
        int count = m + 1;
        return new Resampled(out.truncate(count), java.util.Arrays.copyOf(end, count));
    }

    /** Ends of stored (not resampled) bars: start + bar length intraday, the session close for daily bars. */
    public static long[] ends(BarColumns bars, Timeframe timeframe, ZoneId zone, SessionCalendar calendar) {
        long[] end = new long[bars.size()];
        for (int i = 0; i < end.length; i++) {
            long t = bars.time()[i];
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
