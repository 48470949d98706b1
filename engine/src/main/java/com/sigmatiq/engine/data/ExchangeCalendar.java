package com.sigmatiq.engine.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The US equity market calendar (NYSE/Nasdaq rules), computed rather than listed: weekends, the nine regular
 * holidays with their weekend observance rules (New Year's Day falling on a Saturday is not observed), Juneteenth from
 * 2022, the unscheduled closings since 2001, and the 13:00 early closes (the day after Thanksgiving, and July 3 and
 * December 24 when they fall Monday to Thursday — before 2013 a Wednesday July 3 was a full day and a Friday
 * July 5 closed early instead —, and 26 December 2003). Regular session 09:30–16:00 America/New_York (13:00 on early-close days); extended hours 04:00–20:00
 * (late trading ends at 17:00 on early-close days).
 *
 * <p>Every part of the platform takes sessions, allowed hours, time stops, resampling and an alert's
 * {@code valid_until} from here, so they agree. Immutable and thread-safe (a year's holidays are computed once and
 * kept); {@link #NYSE} is the instance.
 */
public final class ExchangeCalendar {

    public static final ExchangeCalendar NYSE = new ExchangeCalendar();
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Minutes after local midnight. */
    public static final int OPEN_MINUTE = 9 * 60 + 30;
    public static final int CLOSE_MINUTE = 16 * 60;
    public static final int EARLY_CLOSE_MINUTE = 13 * 60;
    /** Pre-market opens 04:00; late trading ends 20:00, or 17:00 on early-close days. */
    public static final int EXTENDED_OPEN_MINUTE = 4 * 60;
    public static final int EXTENDED_CLOSE_MINUTE = 20 * 60;
    public static final int EARLY_EXTENDED_CLOSE_MINUTE = 17 * 60;

    /** Early closes (13:00) that the rules do not give (NYSE notices). */
    private static final Set<LocalDate> SPECIAL_EARLY_CLOSES = Set.of(LocalDate.of(2003, 12, 26));

    /** Market-wide closings not given by the rules (NYSE notices). */
    private static final Map<LocalDate, String> SPECIAL_CLOSINGS = Map.of(
            LocalDate.of(2001, 9, 11), "September 11 attacks",
            LocalDate.of(2001, 9, 12), "September 11 attacks",
            LocalDate.of(2001, 9, 13), "September 11 attacks",
            LocalDate.of(2001, 9, 14), "September 11 attacks",
            LocalDate.of(2004, 6, 11), "National Day of Mourning (President Reagan)",
            LocalDate.of(2007, 1, 2), "National Day of Mourning (President Ford)",
            LocalDate.of(2012, 10, 29), "Hurricane Sandy",
            LocalDate.of(2012, 10, 30), "Hurricane Sandy",
            LocalDate.of(2018, 12, 5), "National Day of Mourning (President G. H. W. Bush)",
            LocalDate.of(2025, 1, 9), "National Day of Mourning (President Carter)");

    private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new ConcurrentHashMap<>();
    private final Map<Integer, short[]> closeMinutesByYear = new ConcurrentHashMap<>();

    private ExchangeCalendar() {
    }

    public ZoneId zone() {
        return NEW_YORK;
    }

    /** The holidays (and special closings) of a year that fall on weekdays, by date, with their names (unmodifiable). */
    public Map<LocalDate, String> holidays(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> Collections.unmodifiableMap(computeHolidays(y)));
    }

    private static Map<LocalDate, String> computeHolidays(int year) {
        Map<LocalDate, String> h = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            h.put(newYear.plusDays(1), "New Year's Day (observed)");
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            h.put(newYear, "New Year's Day");
        }
        if (year >= 1998) {
            h.put(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3), "Martin Luther King Jr. Day");
        }
        h.put(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3), "Washington's Birthday");
        h.put(easter(year).minusDays(2), "Good Friday");
        h.put(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), "Memorial Day");
        if (year >= 2022) {
            observed(h, LocalDate.of(year, 6, 19), "Juneteenth");
        }
        observed(h, LocalDate.of(year, 7, 4), "Independence Day");
        h.put(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1), "Labor Day");
        h.put(thanksgiving(year), "Thanksgiving Day");
        observed(h, LocalDate.of(year, 12, 25), "Christmas Day");
        SPECIAL_CLOSINGS.forEach((d, name) -> {
            if (d.getYear() == year) {
                h.put(d, name);
            }
        });
        return h;
    }

    /** The holiday's name if the market is closed on this weekday, else null. */
    public String holiday(LocalDate date) {
        return holidays(date.getYear()).get(date);
    }

    public boolean isSession(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && holiday(date) == null;
    }

    /** Regular-session close of a session date, minutes after local midnight (16:00, or 13:00 on early-close days). */
    public int closeMinute(LocalDate date) {
        if (!isSession(date)) {
            return CLOSE_MINUTE;
        }
        DayOfWeek dow = date.getDayOfWeek();
        boolean monToThu = dow.getValue() <= DayOfWeek.THURSDAY.getValue();
        boolean early = date.equals(thanksgiving(date.getYear()).plusDays(1))
                || SPECIAL_EARLY_CLOSES.contains(date)
                || (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24 && monToThu)
                || (date.getMonth() == Month.JULY && date.getDayOfMonth() == 3 && monToThu
                        && (dow != DayOfWeek.WEDNESDAY || date.getYear() >= 2013))
                || (date.getMonth() == Month.JULY && date.getDayOfMonth() == 5 && dow == DayOfWeek.FRIDAY
                        && date.getYear() < 2013);
        return early ? EARLY_CLOSE_MINUTE : CLOSE_MINUTE;
    }

    /**
     * {@link #closeMinute} of every day of {@code year}, indexed by day of the year from 0 (shared, do not modify): a
     * streaming clock looks a session's close up here without allocating.
     */
    public short[] closeMinutesOfYear(int year) {
        return closeMinutesByYear.computeIfAbsent(year, y -> {
            LocalDate first = LocalDate.of(y, 1, 1);
            short[] minutes = new short[first.lengthOfYear()];
            for (int d = 0; d < minutes.length; d++) {
                minutes[d] = (short) closeMinute(first.plusDays(d));
            }
            return minutes;
        });
    }

    /** Whether the session closes early (13:00). */
    public boolean isEarlyClose(LocalDate date) {
        return closeMinute(date) != CLOSE_MINUTE;
    }

    /** End of the extended-hours (late trading) session, minutes after local midnight: 20:00, or 17:00 on early-close days. */
    public int extendedCloseMinute(LocalDate date) {
        return isEarlyClose(date) ? EARLY_EXTENDED_CLOSE_MINUTE : EXTENDED_CLOSE_MINUTE;
    }

    /**
     * Where a session's last bar ends, minutes after local midnight: the regular close for a series of regular-session
     * bars, the end of late trading for a series that also holds extended-hours bars.
     */
    public int sessionEndMinute(LocalDate date, boolean extendedHours) {
        return sessionEndMinute(closeMinute(date), extendedHours);
    }

    /** {@link #sessionEndMinute(LocalDate, boolean)} of a session that closes at {@code closeMinute}. */
    static int sessionEndMinute(int closeMinute, boolean extendedHours) {
        if (!extendedHours) {
            return closeMinute;
        }
        return closeMinute == CLOSE_MINUTE ? EXTENDED_CLOSE_MINUTE : EARLY_EXTENDED_CLOSE_MINUTE;
    }

    /** Sessions from {@code from} to {@code to}, both included. */
    public List<LocalDate> sessions(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isSession(d)) {
                out.add(d);
            }
        }
        return out;
    }

    public ZonedDateTime open(LocalDate date) {
        return date.atTime(LocalTime.of(9, 30)).atZone(NEW_YORK);
    }

    public ZonedDateTime close(LocalDate date) {
        int m = closeMinute(date);
        return date.atTime(LocalTime.of(m / 60, m % 60)).atZone(NEW_YORK);
    }

    private static void observed(Map<LocalDate, String> h, LocalDate day, String name) {
        switch (day.getDayOfWeek()) {
            case SATURDAY -> h.put(day.minusDays(1), name + " (observed)");
            case SUNDAY -> h.put(day.plusDays(1), name + " (observed)");
            default -> h.put(day, name);
        }
    }

    private static LocalDate nth(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    private static LocalDate thanksgiving(int year) {
        return nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
    }

    /** Western (Gregorian) Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easter(int year) {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
