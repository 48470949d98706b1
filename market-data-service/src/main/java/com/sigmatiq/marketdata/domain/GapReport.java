package com.sigmatiq.marketdata.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a stored series lacks against the session calendar, over a range of session dates.
 *
 * @param missingSessions    sessions without any bar
 * @param nonSessionDates    dates that have bars but are not sessions (weekends, holidays)
 * @param incompleteSessions intraday only: sessions with some regular-session bars missing
 */
public record GapReport(String ticker, String timeframe, LocalDate from, LocalDate to, int sessionsExpected,
                        int sessionsPresent, List<LocalDate> missingSessions, List<LocalDate> nonSessionDates,
                        List<IncompleteSession> incompleteSessions) {

    /**
     * @param firstMissing up to 20 missing bar starts, UTC
     */
    public record IncompleteSession(LocalDate date, int expected, int present, List<Instant> firstMissing) {
    }
}
