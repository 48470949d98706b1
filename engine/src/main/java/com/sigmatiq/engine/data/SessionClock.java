package com.sigmatiq.engine.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Objects;

/**
 * Exchange-time facts about every bar of a series, computed once from the {@link ExchangeCalendar}: the session
 * (trading day) each bar belongs to, its exchange-local start hour, whether it starts inside the regular session,
 * and whether it closes its session.
 *
 * <p>A bar belongs to the session of the exchange-local date of its start. A bar is regular when its start lies in
 * [09:30, close), the close being 16:00, or 13:00 on early-close days. A bar <em>closes its session</em> when its
 * end (start + bar size) reaches the session's end as the calendar gives it in advance: the regular close for a
 * series of regular-session bars, the end of late trading (20:00, 17:00 on early-close days) for a series that also
 * holds extended-hours bars. A live feed cannot look ahead, so this, not "the last bar the data happens to hold",
 * is what a time stop acts on; a session whose closing bar is missing from the data has no closing bar.
 * {@link #sessionLastBar(int)} is the last bar the data holds of a session (for its end-of-day equity).
 * On daily bars every bar is its own session, is regular and closes its session; a daily bar's time is the
 * exchange-local midnight that starts its date.
 *
 * <p>{@link #cursor} is the streaming twin: fed the same bars one at a time it gives the same values, bar for bar.
 */
public final class SessionClock {

    /** Regular session open, minutes after local midnight (09:30). */
    public static final int REGULAR_OPEN_MINUTE = ExchangeCalendar.OPEN_MINUTE;
    /** Regular session close on a full day, minutes after local midnight (16:00). */
    public static final int REGULAR_CLOSE_MINUTE = ExchangeCalendar.CLOSE_MINUTE;

    private final int[] session;
    private final byte[] hour;
    private final boolean[] regular;
    private final boolean[] closesSession;
    private final long[] sessionEpochDay;
    private final int[] sessionLastBar;
    private final boolean extendedHours;

    private SessionClock(int[] session, byte[] hour, boolean[] regular, boolean[] closesSession, long[] sessionEpochDay,
                         int[] sessionLastBar, boolean extendedHours) {
        this.session = session;
        this.hour = hour;
        this.regular = regular;
        this.closesSession = closesSession;
        this.sessionEpochDay = sessionEpochDay;
        this.sessionLastBar = sessionLastBar;
        this.extendedHours = extendedHours;
    }

    /** The clock of {@code bars} on the NYSE calendar; extended hours when any intraday bar starts outside the regular session. */
    public static SessionClock of(BarSeries bars) {
        return of(bars, hasExtendedHours(bars, ExchangeCalendar.NYSE), ExchangeCalendar.NYSE);
    }

    /** The clock of {@code bars} whose sessions end at the regular close, or at the end of late trading with {@code extendedHours}. */
    public static SessionClock of(BarSeries bars, boolean extendedHours) {
        return of(bars, extendedHours, ExchangeCalendar.NYSE);
    }

    public static SessionClock of(BarSeries bars, boolean extendedHours, ExchangeCalendar calendar) {
        int n = bars.size();
        long[] time = bars.time();
        int[] session = new int[n];
        byte[] hour = new byte[n];
        boolean[] regular = new boolean[n];
        boolean[] closes = new boolean[n];
        long[] days = new long[Math.max(n, 1)];
        int[] last = new int[Math.max(n, 1)];
        Cursor cursor = new Cursor(bars.zone(), bars.timeframe(), extendedHours, calendar);
        for (int i = 0; i < n; i++) {
            cursor.advance(time[i]);
            int s = cursor.session();
            session[i] = s;
            days[s] = cursor.sessionEpochDay();
            last[s] = i;
            hour[i] = (byte) cursor.hour();
            regular[i] = cursor.regular();
            closes[i] = cursor.closesSession();
        }
        int sessions = n == 0 ? 0 : session[n - 1] + 1;
        return new SessionClock(session, hour, regular, closes, Arrays.copyOf(days, sessions),
                Arrays.copyOf(last, sessions), extendedHours);
    }

    /** Whether any intraday bar of {@code bars} starts outside the regular session of its date (false for daily bars). */
    public static boolean hasExtendedHours(BarSeries bars, ExchangeCalendar calendar) {
        if (bars.timeframe().isDaily()) {
            return false;
        }
        Cursor cursor = new Cursor(bars.zone(), bars.timeframe(), false, calendar);
        for (long t : bars.time()) {
            cursor.advance(t);
            if (!cursor.regular()) {
                return true;
            }
        }
        return false;
    }

    /** A streaming clock for bars of {@code timeframe} in {@code zone} on the NYSE calendar. */
    public static Cursor cursor(ZoneId zone, Timeframe timeframe, boolean extendedHours) {
        return new Cursor(zone, timeframe, extendedHours, ExchangeCalendar.NYSE);
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

    /** Whether sessions end at the end of late trading rather than at the regular close. */
    public boolean extendedHours() {
        return extendedHours;
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

    /** Index of the last bar the data holds of session {@code s} (whether or not it closes the session). */
    public int sessionLastBar(int s) {
        return sessionLastBar[s];
    }

    /** The session column (shared, do not modify). */
    public int[] sessions() {
        return session;
    }

    /**
     * Whether bar {@code i} closes its session by the calendar (its end reaches the session's end): the bar at whose
     * close a time stop acts. Known in advance, unlike "the last bar the data holds" ({@link #sessionLastBar}).
     */
    public boolean isSessionLastBar(int i) {
        return closesSession[i];
    }

    /**
     * The streaming twin of {@link SessionClock}: {@link #advance} with each bar's start, then read that bar's facts.
     * Allocates only when the local date or the zone's offset changes. Its whole state is {@link State}, so a
     * restarted process continues where it stopped.
     */
    public static final class Cursor {

        /** Everything a cursor remembers between bars. */
        public record State(int session, long epochDay) {
        }

        private final ZoneRules rules;
        private final Timeframe timeframe;
        private final boolean daily;
        private final boolean extendedHours;
        private final ExchangeCalendar calendar;
        private final long barSeconds;
        private long offsetFrom = Long.MAX_VALUE;
        private long offsetUntil = Long.MIN_VALUE;
        private int offsetSeconds;
        private int session = -1;
        private long epochDay = Long.MIN_VALUE;
        private int closeMinute;
        private int endMinute;
        private short[] yearCloseMinutes;
        private long yearStartEpochDay;
        private int hour;
        private boolean regular;
        private boolean closes;

        private Cursor(ZoneId zone, Timeframe timeframe, boolean extendedHours, ExchangeCalendar calendar) {
            this.rules = zone.getRules();
            this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
            this.daily = timeframe.isDaily();
            this.extendedHours = extendedHours;
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            this.barSeconds = timeframe.millis() / 1000L;
        }

        /** Takes the next bar, starting at {@code startMillis} (epoch ms UTC, later than the previous bar's). */
        public void advance(long startMillis) {
            if (startMillis < offsetFrom || startMillis >= offsetUntil) {
                locateOffset(startMillis);
            }
            long local = Math.floorDiv(startMillis, 1000L) + offsetSeconds;
            long day = Math.floorDiv(local, 86_400L);
            if (day != epochDay) {
                epochDay = day;
                session++;
                dayChanged();
            }
            int secondOfDay = (int) Math.floorMod(local, 86_400L);
            int minute = secondOfDay / 60;
            hour = minute / 60;
            if (daily) {
                regular = true;
                closes = true;
            } else {
                regular = minute >= ExchangeCalendar.OPEN_MINUTE && minute < closeMinute;
                closes = secondOfDay + barSeconds >= endMinute * 60L;
            }
        }

        /** Looks the new session's close up in the year's table (allocates once a year, not once a session). */
        private void dayChanged() {
            if (daily) {
                return;
            }
            long dayOfYear = epochDay - yearStartEpochDay;
            if (yearCloseMinutes == null || dayOfYear < 0 || dayOfYear >= yearCloseMinutes.length) {
                LocalDate date = LocalDate.ofEpochDay(epochDay);
                yearStartEpochDay = date.withDayOfYear(1).toEpochDay();
                yearCloseMinutes = calendar.closeMinutesOfYear(date.getYear());
                dayOfYear = epochDay - yearStartEpochDay;
            }
            closeMinute = yearCloseMinutes[(int) dayOfYear];
            endMinute = ExchangeCalendar.sessionEndMinute(closeMinute, extendedHours);
        }

        /** Finds the zone offset in force at {@code millis} and the span it holds for (runs at DST changes only). */
        private void locateOffset(long millis) {
            Instant at = Instant.ofEpochMilli(millis);
            offsetSeconds = rules.getOffset(at).getTotalSeconds();
            ZoneOffsetTransition previous = rules.previousTransition(at.plusMillis(1));
            ZoneOffsetTransition next = rules.nextTransition(at);
            offsetFrom = previous == null ? Long.MIN_VALUE : previous.getInstant().toEpochMilli();
            offsetUntil = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
        }

        /** Session index of the current bar: 0 at the first bar (or as restored), +1 at each new local date. */
        public int session() {
            return session;
        }

        /** Exchange-local date of the current bar's session, as an epoch day. */
        public long sessionEpochDay() {
            return epochDay;
        }

        /** Exchange-local hour (0–23) of the current bar's start. */
        public int hour() {
            return hour;
        }

        /** Whether the current bar starts inside the regular session (always true on daily bars). */
        public boolean regular() {
            return regular;
        }

        /** Whether the current bar closes its session by the calendar. */
        public boolean closesSession() {
            return closes;
        }

        public Timeframe timeframe() {
            return timeframe;
        }

        public State state() {
            return new State(session, epochDay);
        }

        /** Continues after the bar that {@code state} was taken at. */
        public void restore(State state) {
            session = state.session();
            epochDay = state.epochDay();
            if (session >= 0) {
                dayChanged();
            }
        }
    }
}
