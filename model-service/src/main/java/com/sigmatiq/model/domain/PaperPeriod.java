package com.sigmatiq.model.domain;

import com.sigmatiq.engine.data.ExchangeCalendar;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A publication's paper-trading period: from {@code start} (the moment it was published) to the close of its last
 * session. The period counts <b>whole</b> NYSE regular sessions ({@link ExchangeCalendar#NYSE}): the first counted
 * session is the first one that opens (09:30 New York) at or after {@code start} — today's if published before its
 * open, else the next session, so weekends and holidays are skipped — and the period ends at the close of the
 * {@code sessions}-th such session (16:00 New York, 13:00 on early-close days). A session already under way when the
 * model is published is not counted: its morning was never paper-traded.
 *
 * @param start    when paper trading starts
 * @param end      the close of the last counted session
 * @param sessions how many sessions the period counts, at least 1
 */
public record PaperPeriod(Instant start, Instant end, int sessions) {

    /** The largest period accepted: about a year of sessions. */
    public static final int MAX_SESSIONS = 260;

    public PaperPeriod {
        if (sessions < 1 || sessions > MAX_SESSIONS) {
            throw new IllegalArgumentException("sessions must be 1.." + MAX_SESSIONS + ", got " + sessions);
        }
    }

    /** The period of {@code sessions} whole sessions starting at {@code start}. */
    public static PaperPeriod of(Instant start, int sessions) {
        if (sessions < 1 || sessions > MAX_SESSIONS) {
            throw new IllegalArgumentException("sessions must be 1.." + MAX_SESSIONS + ", got " + sessions);
        }
        ExchangeCalendar nyse = ExchangeCalendar.NYSE;
        LocalDate day = start.atZone(nyse.zone()).toLocalDate();
        if (!nyse.isSession(day) || nyse.open(day).toInstant().isBefore(start)) {
            day = day.plusDays(1);
        }
        int counted = 0;
        LocalDate last = null;
        while (counted < sessions) {
            if (nyse.isSession(day)) {
                counted++;
                last = day;
            }
            day = day.plusDays(1);
        }
        return new PaperPeriod(start, nyse.close(last).toInstant(), sessions);
    }
}
