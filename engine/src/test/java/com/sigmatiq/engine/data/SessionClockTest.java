package com.sigmatiq.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.TestData;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions, regular hours and session-closing bars from the calendar, batch and streaming alike. */
class SessionClockTest {

    static final BarSeries MINUTES = BarResamplerTest.MINUTES;
    static final BarSeries DAILY = BarCsvReader.read(TestData.data("market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv"),
            BarCsvReader.Options.defaults());

    @Test
    void theCursorGivesTheBatchValuesBarForBar() {
        for (BarSeries bars : List.of(MINUTES, BarResampler.resample(MINUTES, Timeframe.M5, true).bars(),
                BarResampler.resample(MINUTES, Timeframe.M15, false).bars(), DAILY)) {
            SessionClock clock = SessionClock.of(bars);
            SessionClock.Cursor cursor = SessionClock.cursor(bars.zone(), bars.timeframe(), clock.extendedHours());
            for (int i = 0; i < bars.size(); i++) {
                cursor.advance(bars.time()[i]);
                assertThat(cursor.session()).isEqualTo(clock.session(i));
                assertThat(cursor.sessionEpochDay()).isEqualTo(clock.sessionEpochDay(clock.session(i)));
                assertThat(cursor.hour()).isEqualTo(clock.hour(i));
                assertThat(cursor.regular()).isEqualTo(clock.regular(i));
                assertThat(cursor.closesSession()).as("bar %d of %s", i, bars.timeframe()).isEqualTo(clock.isSessionLastBar(i));
            }
        }
    }

    @Test
    void aRestoredCursorContinuesWhereTheFirstStopped() {
        BarSeries bars = BarResampler.resample(MINUTES, Timeframe.M5, true).bars();
        SessionClock clock = SessionClock.of(bars);
        for (int cut : new int[] {0, 1, 191, 192, 500, bars.size() - 2}) {
            SessionClock.Cursor first = SessionClock.cursor(bars.zone(), bars.timeframe(), true);
            for (int i = 0; i <= cut; i++) {
                first.advance(bars.time()[i]);
            }
            SessionClock.Cursor second = SessionClock.cursor(bars.zone(), bars.timeframe(), true);
            second.restore(first.state());
            for (int i = cut + 1; i < bars.size(); i++) {
                second.advance(bars.time()[i]);
                assertThat(second.session()).isEqualTo(clock.session(i));
                assertThat(second.closesSession()).isEqualTo(clock.isSessionLastBar(i));
            }
        }
    }

    @Test
    void extendedMinutesCloseTheirSessionWithTheBarEndingAt20() {
        SessionClock clock = SessionClock.of(MINUTES);
        assertThat(clock.extendedHours()).isTrue();
        List<String> closing = closingTimes(MINUTES, clock);
        // every March 2011 session has a 19:59 minute except the 11th and the 31st, whose data stop at 19:58;
        // the 29th also holds a 20:00 minute, past the session's end, which closes it again
        assertThat(closing).hasSize(22).filteredOn(s -> s.endsWith("19:59")).hasSize(21);
        assertThat(closing).contains("2011-03-29 20:00");
        assertThat(closing).noneMatch(s -> s.startsWith("2011-03-11") || s.startsWith("2011-03-31"));
        // the last bar the data holds of 2011-03-29 is the 20:00 minute, after the closing bar
        int s29 = clock.session(indexAt(MINUTES, ZonedDateTime.of(2011, 3, 29, 12, 0, 0, 0, BarSeries.NEW_YORK)));
        assertThat(local(MINUTES, clock.sessionLastBar(s29))).endsWith("20:00");
    }

    @Test
    void regularBarsCloseTheirSessionAtTheCloseAndAt13OnEarlyCloseDays() {
        BarSeries fifteen = BarResampler.resample(MINUTES, Timeframe.M15, false).bars();
        SessionClock clock = SessionClock.of(fifteen);
        assertThat(clock.extendedHours()).isFalse();
        assertThat(closingTimes(fifteen, clock)).hasSize(23).allMatch(s -> s.endsWith("15:45"));

        long t0 = ZonedDateTime.of(2011, 11, 25, 12, 45, 0, 0, BarSeries.NEW_YORK).toInstant().toEpochMilli();
        long[] time = {t0, t0 + 900_000};
        double[] px = {1, 2};
        BarSeries early = new BarSeries("SPY", BarSeries.NEW_YORK, Timeframe.M15, time, px, px, px, px, px);
        SessionClock e = SessionClock.of(early, true);
        assertThat(e.regular(0)).isTrue();
        assertThat(e.regular(1)).as("13:00 is after an early close").isFalse();
        assertThat(e.isSessionLastBar(0)).isFalse();
        assertThat(SessionClock.of(early, false).isSessionLastBar(0)).as("12:45–13:00 closes a regular early session").isTrue();
    }

    @Test
    void everyDailyBarIsItsOwnClosingSession() {
        SessionClock clock = SessionClock.of(DAILY);
        assertThat(clock.sessionCount()).isEqualTo(DAILY.size());
        for (int i = 0; i < DAILY.size(); i++) {
            assertThat(clock.isSessionLastBar(i)).isTrue();
            assertThat(clock.regular(i)).isTrue();
        }
    }

    private static List<String> closingTimes(BarSeries bars, SessionClock clock) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            if (clock.isSessionLastBar(i)) {
                out.add(local(bars, i));
            }
        }
        return out;
    }

    private static String local(BarSeries bars, int i) {
        ZonedDateTime z = Instant.ofEpochMilli(bars.time()[i]).atZone(bars.zone());
        return z.toLocalDate() + " " + LocalTime.of(z.getHour(), z.getMinute());
    }

    private static int indexAt(BarSeries bars, ZonedDateTime at) {
        long t = at.toInstant().toEpochMilli();
        for (int i = 0; i < bars.size(); i++) {
            if (bars.time()[i] >= t) {
                return i;
            }
        }
        throw new AssertionError("no bar at or after " + at);
    }
}
