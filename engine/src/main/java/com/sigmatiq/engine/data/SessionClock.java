package com.sigmatiq.engine.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Exchange-time facts about every bar of a series, computed once: the session (trading day) each
 * bar belongs to, its exchange-local start hour and whether it starts inside the regular session.
 *
 * <p>A bar belongs to the session of the exchange-local date of its start. The regular session of
 * US listings is 09:30–16:00 exchange time; a bar is regular when its start lies in
 * {@code [09:30, 16:00)}. On daily bars every bar is its own session and is regular; a daily bar's
 * time is the exchange-local midnight that starts its date.
 */
public final class SessionClock {

    /** Regular session open, minutes after local midnight (09:30). */
    public static final int REGULAR_OPEN_MINUTE = 9 * 60 + 30;
    /** Regular session close, minutes after local midnight (16:00). */
    public static final int REGULAR_CLOSE_MINUTE = 16 * 60;

    private final int[] session;
    private final byte[] hour;
    private final boolean[] regular;
    private final long[] sessionEpochDay;
    private final int[] sessionLastBar;

    private SessionClock(int[] session, byte[] hour, boolean[] regular, long[] sessionEpochDay, int[] sessionLastBar) {
        this.session = session;
        this.hour = hour;
        this.regular = regular;
        this.sessionEpochDay = sessionEpochDay;
        this.sessionLastBar = sessionLastBar;
    }

    public static SessionClock of(BarSeries bars) {
        int n = bars.size();
        long[] time = bars.time();
        ZoneId zone = bars.zone();
        ZoneRules rules = zone.getRules();
        boolean daily = bars.timeframe().isDaily();
        int[] session = new int[n];
        byte[] hour = new byte[n];
        boolean[] regular = new boolean[n];
        long[] days = new long[Math.max(n, 1)];
        int[] last = new int[Math.max(n, 1)];
        int s = -1;
        long prevDay = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            Instant instant = Instant.ofEpochMilli(time[i]);
            int offsetSeconds = rules.getOffset(instant).getTotalSeconds();
            long localSeconds = Math.floorDiv(time[i], 1000L) + offsetSeconds;
            long epochDay = Math.floorDiv(localSeconds, 86_400L);
            int minuteOfDay = (int) (Math.floorMod(localSeconds, 86_400L) / 60);
            if (epochDay != prevDay) {
                s++;
                days[s] = epochDay;
                prevDay = epochDay;
            }
            session[i] = s;
            last[s] = i;
            hour[i] = (byte) (minuteOfDay / 60);
            regular[i] = daily || (minuteOfDay >= REGULAR_OPEN_MINUTE && minuteOfDay < REGULAR_CLOSE_MINUTE);
        }
        int sessions = s + 1;
        return new SessionClock(session, hour, regular,
                java.util.Arrays.copyOf(days, sessions), java.util.Arrays.copyOf(last, sessions));
    }

    /** Session index (0-based, in time order) of bar {@code i}. */
    public int session(int i) {
        return session[i];
    }

    /** Exchange-local hour (0–23) of bar {@code i}'s start. */
    public int hour(int i) {
        return hour[i];
    }

    /** Whether bar {@code i} starts inside the regular session (always true on daily bars). */
    public boolean regular(int i) {
        return regular[i];
    }

    public int sessionCount() {
        return sessionEpochDay.length;
    }

    /** Exchange-local date of session {@code s}. */
    public LocalDate sessionDate(int s) {
        return LocalDate.ofEpochDay(sessionEpochDay[s]);
    }

    /** Exchange-local date of session {@code s} as an epoch day. */
    public long sessionEpochDay(int s) {
        return sessionEpochDay[s];
    }

    /** Index of the last bar of session {@code s}. */
    public int sessionLastBar(int s) {
        return sessionLastBar[s];
    }

    /** The session column (shared, do not modify). */
    public int[] sessions() {
        return session;
    }

    /** Whether bar {@code i} is the last bar of its session. */
    public boolean isSessionLastBar(int i) {
        return sessionLastBar[session[i]] == i;
    }
}
