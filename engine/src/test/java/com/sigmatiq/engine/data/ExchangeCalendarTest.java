package com.sigmatiq.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The computed calendar against the exchange's published lists, written out date by date for every year the
 * platform covers (the bundled data start in 1999; alerts run today and next year).
 *
 * <p>Sources: NYSE Group's annual "Holidays and Trading Hours" notices and press releases announcing each year's
 * holiday and early-closing calendar (e.g. "NYSE Group announces 2022, 2023 and 2024 holiday and early closings
 * calendar", 27 December 2021), and the NYSE's notices of unscheduled closings (September 2001, national days of
 * mourning 2004, 2007, 2018, 2025, Hurricane Sandy 2012). Early closes are at 1:00 p.m.; on those days late trading
 * ends at 5:00 p.m.
 */
class ExchangeCalendarTest {

    /** Weekday full-day closings by year, as published. */
    private static final Map<Integer, String> CLOSED = new TreeMap<>(Map.ofEntries(
            Map.entry(1999, "01-01 01-18 02-15 04-02 05-31 07-05 09-06 11-25 12-24"),
            Map.entry(2000, "01-17 02-21 04-21 05-29 07-04 09-04 11-23 12-25"),
            Map.entry(2001, "01-01 01-15 02-19 04-13 05-28 07-04 09-03 09-11 09-12 09-13 09-14 11-22 12-25"),
            Map.entry(2002, "01-01 01-21 02-18 03-29 05-27 07-04 09-02 11-28 12-25"),
            Map.entry(2003, "01-01 01-20 02-17 04-18 05-26 07-04 09-01 11-27 12-25"),
            Map.entry(2004, "01-01 01-19 02-16 04-09 05-31 06-11 07-05 09-06 11-25 12-24"),
            Map.entry(2005, "01-17 02-21 03-25 05-30 07-04 09-05 11-24 12-26"),
            Map.entry(2006, "01-02 01-16 02-20 04-14 05-29 07-04 09-04 11-23 12-25"),
            Map.entry(2007, "01-01 01-02 01-15 02-19 04-06 05-28 07-04 09-03 11-22 12-25"),
            Map.entry(2008, "01-01 01-21 02-18 03-21 05-26 07-04 09-01 11-27 12-25"),
            Map.entry(2009, "01-01 01-19 02-16 04-10 05-25 07-03 09-07 11-26 12-25"),
            Map.entry(2010, "01-01 01-18 02-15 04-02 05-31 07-05 09-06 11-25 12-24"),
            Map.entry(2011, "01-17 02-21 04-22 05-30 07-04 09-05 11-24 12-26"),
            Map.entry(2012, "01-02 01-16 02-20 04-06 05-28 07-04 09-03 10-29 10-30 11-22 12-25"),
            Map.entry(2013, "01-01 01-21 02-18 03-29 05-27 07-04 09-02 11-28 12-25"),
            Map.entry(2014, "01-01 01-20 02-17 04-18 05-26 07-04 09-01 11-27 12-25"),
            Map.entry(2015, "01-01 01-19 02-16 04-03 05-25 07-03 09-07 11-26 12-25"),
            Map.entry(2016, "01-01 01-18 02-15 03-25 05-30 07-04 09-05 11-24 12-26"),
            Map.entry(2017, "01-02 01-16 02-20 04-14 05-29 07-04 09-04 11-23 12-25"),
            Map.entry(2018, "01-01 01-15 02-19 03-30 05-28 07-04 09-03 11-22 12-05 12-25"),
            Map.entry(2019, "01-01 01-21 02-18 04-19 05-27 07-04 09-02 11-28 12-25"),
            Map.entry(2020, "01-01 01-20 02-17 04-10 05-25 07-03 09-07 11-26 12-25"),
            Map.entry(2021, "01-01 01-18 02-15 04-02 05-31 07-05 09-06 11-25 12-24"),
            Map.entry(2022, "01-17 02-21 04-15 05-30 06-20 07-04 09-05 11-24 12-26"),
            Map.entry(2023, "01-02 01-16 02-20 04-07 05-29 06-19 07-04 09-04 11-23 12-25"),
            Map.entry(2024, "01-01 01-15 02-19 03-29 05-27 06-19 07-04 09-02 11-28 12-25"),
            Map.entry(2025, "01-01 01-09 01-20 02-17 04-18 05-26 06-19 07-04 09-01 11-27 12-25"),
            Map.entry(2026, "01-01 01-19 02-16 04-03 05-25 06-19 07-03 09-07 11-26 12-25"),
            Map.entry(2027, "01-01 01-18 02-15 03-26 05-31 06-18 07-05 09-06 11-25 12-24")));

    /** 1:00 p.m. closes by year, as published. */
    private static final Map<Integer, String> EARLY = new TreeMap<>(Map.ofEntries(
            Map.entry(1999, "11-26"),
            Map.entry(2000, "07-03 11-24"),
            Map.entry(2001, "07-03 11-23 12-24"),
            Map.entry(2002, "07-05 11-29 12-24"),
            Map.entry(2003, "07-03 11-28 12-24 12-26"),
            Map.entry(2004, "11-26"),
            Map.entry(2005, "11-25"),
            Map.entry(2006, "07-03 11-24"),
            Map.entry(2007, "07-03 11-23 12-24"),
            Map.entry(2008, "07-03 11-28 12-24"),
            Map.entry(2009, "11-27 12-24"),
            Map.entry(2010, "11-26"),
            Map.entry(2011, "11-25"),
            Map.entry(2012, "07-03 11-23 12-24"),
            Map.entry(2013, "07-03 11-29 12-24"),
            Map.entry(2014, "07-03 11-28 12-24"),
            Map.entry(2015, "11-27 12-24"),
            Map.entry(2016, "11-25"),
            Map.entry(2017, "07-03 11-24"),
            Map.entry(2018, "07-03 11-23 12-24"),
            Map.entry(2019, "07-03 11-29 12-24"),
            Map.entry(2020, "11-27 12-24"),
            Map.entry(2021, "11-26"),
            Map.entry(2022, "11-25"),
            Map.entry(2023, "07-03 11-24"),
            Map.entry(2024, "07-03 11-29 12-24"),
            Map.entry(2025, "07-03 11-28 12-24"),
            Map.entry(2026, "11-27 12-24"),
            Map.entry(2027, "11-26")));

    private final ExchangeCalendar nyse = ExchangeCalendar.NYSE;

    @Test
    void weekdayClosingsEqualThePublishedListsEveryYear() {
        CLOSED.forEach((year, published) -> {
            TreeSet<LocalDate> computed = new TreeSet<>();
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue() && !nyse.isSession(d)) {
                    computed.add(d);
                }
            }
            assertThat(computed).as("closings of %d", year).containsExactlyElementsOf(dates(year, published));
        });
    }

    @Test
    void earlyClosesEqualThePublishedListsEveryYear() {
        EARLY.forEach((year, published) -> {
            List<LocalDate> computed = new ArrayList<>();
            for (LocalDate d : nyse.sessions(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
                if (nyse.isEarlyClose(d)) {
                    computed.add(d);
                }
            }
            assertThat(computed).as("early closes of %d", year).containsExactlyElementsOf(dates(year, published));
        });
    }

    @Test
    void sessionEndsAtTheCloseOrTheEndOfLateTrading() {
        LocalDate full = LocalDate.of(2011, 3, 1);
        LocalDate early = LocalDate.of(2011, 11, 25);
        assertThat(nyse.sessionEndMinute(full, false)).isEqualTo(16 * 60);
        assertThat(nyse.sessionEndMinute(full, true)).isEqualTo(20 * 60);
        assertThat(nyse.sessionEndMinute(early, false)).isEqualTo(13 * 60);
        assertThat(nyse.sessionEndMinute(early, true)).isEqualTo(17 * 60);
        assertThat(nyse.close(early).toLocalTime()).hasToString("13:00");
    }

    @Test
    void weekendsAreNeverSessions() {
        assertThat(nyse.sessions(LocalDate.of(2011, 3, 5), LocalDate.of(2011, 3, 6))).isEmpty();
        assertThat(nyse.sessions(LocalDate.of(2011, 3, 4), LocalDate.of(2011, 3, 7)))
                .containsExactly(LocalDate.of(2011, 3, 4), LocalDate.of(2011, 3, 7));
    }

    private static List<LocalDate> dates(int year, String monthDays) {
        return Arrays.stream(monthDays.split(" ")).map(md -> LocalDate.parse(year + "-" + md)).toList();
    }
}
