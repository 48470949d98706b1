package com.sigmatiq.marketdata.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The US equity market calendar (NYSE/Nasdaq rules), computed rather than listed: weekends, the nine regular
 * holidays with their weekend observance rules (New Year's Day falling on a Saturday is not observed), Juneteenth from
 * 2022, the unscheduled closings since 2001, and the 13:00 early closes (the day after Thanksgiving, and July 3 and
 * December 24 when they fall Monday to Thursday). Regular session 09:30–16:00 America/New_York.
 *
 * <p>Stateless; {@link #NYSE} is the instance.
 */
public final class SessionCalendar {

    public static final SessionCalendar NYSE = new SessionCalendar();
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Minutes after local midnight. */
    public static final int OPEN_MINUTE = 9 * 60 + 30;
    public static final int CLOSE_MINUTE = 16 * 60;
    public static final int EARLY_CLOSE_MINUTE = 13 * 60;

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

    private SessionCalendar() {
    }

    public ZoneId zone() {
        return NEW_YORK;
    }

    /** The holidays (and special closings) of a year that fall on weekdays, by date, with their names. */
    public Map<LocalDate, String> holidays(int year) {
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
        if (date.equals(thanksgiving(date.getYear()).plusDays(1))) {
            return EARLY_CLOSE_MINUTE;
        }
        boolean monToThu = date.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue();
        if (monToThu && ((date.getMonth() == Month.JULY && date.getDayOfMonth() == 3)
                || (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24)) && isSession(date)) {
            return EARLY_CLOSE_MINUTE;
        }
        return CLOSE_MINUTE;
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
