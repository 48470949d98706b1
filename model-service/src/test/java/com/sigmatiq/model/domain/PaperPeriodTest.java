package com.sigmatiq.model.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The paper period counts whole NYSE sessions and ends at the last one's close. Expected dates are read off the 2024
 * NYSE calendar by hand (holidays: 15 Jan MLK, 29 Mar Good Friday, 28 Nov Thanksgiving; 29 Nov closes 13:00); times in
 * UTC (EST = UTC−5 until 10 March and from 3 November, EDT = UTC−4 between).
 */
class PaperPeriodTest {

    private static PaperPeriod period(String start, int sessions) {
        return PaperPeriod.of(Instant.parse(start), sessions);
    }

    @Test
    void publishedOnAFridayDuringTheSessionStartsCountingOnMonday() {
        // Fri 22 Mar 2024 11:00 EDT: that session is under way; Mon 25, Tue 26, Wed 27 are counted
        PaperPeriod p = period("2024-03-22T15:00:00Z", 3);

        assertThat(p.start()).isEqualTo(Instant.parse("2024-03-22T15:00:00Z"));
        assertThat(p.end()).isEqualTo(Instant.parse("2024-03-27T20:00:00Z"));
    }

    @Test
    void holidaysAreSkipped() {
        // Thu 28 Mar 2024 10:00 EDT; Fri 29 Mar is Good Friday: the one session is Mon 1 Apr
        assertThat(period("2024-03-28T14:00:00Z", 1).end()).isEqualTo(Instant.parse("2024-04-01T20:00:00Z"));
        // Fri 12 Jan 2024 12:00 EST; Mon 15 Jan is MLK day: Tue 16 and Wed 17 Jan
        assertThat(period("2024-01-12T17:00:00Z", 2).end()).isEqualTo(Instant.parse("2024-01-17T21:00:00Z"));
    }

    @Test
    void anEarlyCloseEndsAtOnePm() {
        // Wed 27 Nov 2024 10:00 EST; Thanksgiving closed; Fri 29 Nov closes 13:00 EST
        assertThat(period("2024-11-27T15:00:00Z", 1).end()).isEqualTo(Instant.parse("2024-11-29T18:00:00Z"));
    }

    @Test
    void theSeedsStartBeforeTheOpenCountsThatDay() {
        // the seed's paper_trade_start, Tue 16 Jan 2024 04:30 EST: 16-19, 22-26, 29-31 Jan, 1-2 Feb are 14 sessions
        assertThat(period("2024-01-16T09:30:00Z", 14).end()).isEqualTo(Instant.parse("2024-02-02T21:00:00Z"));
        // exactly at the open counts too; a weekend start waits for Monday
        assertThat(period("2024-01-16T14:30:00Z", 1).end()).isEqualTo(Instant.parse("2024-01-16T21:00:00Z"));
        assertThat(period("2024-01-16T14:30:01Z", 1).end()).isEqualTo(Instant.parse("2024-01-17T21:00:00Z"));
        assertThat(period("2024-01-20T12:00:00Z", 1).end()).isEqualTo(Instant.parse("2024-01-22T21:00:00Z"));
    }

    @Test
    void sessionsOutsideOneToAYearAreRefused() {
        assertThatThrownBy(() -> period("2024-01-16T09:30:00Z", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> period("2024-01-16T09:30:00Z", PaperPeriod.MAX_SESSIONS + 1))
                .isInstanceOf(IllegalArgumentException.class);
        // a whole year: 2024 has 252 sessions, so 252 sessions from 1 Jan end at the close of 31 Dec
        assertThat(period("2024-01-01T00:00:00Z", 252).end()).isEqualTo(Instant.parse("2024-12-31T21:00:00Z"));
    }
}
