package com.sigmatiq.model.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicationStatusTest {

    @Test
    void paperTradingCompletesThenGoesLive() {
        assertThat(PublicationStatus.PAPER_TRADING.canMoveTo(PublicationStatus.PAPER_COMPLETE, null)).isTrue();
        assertThat(PublicationStatus.PAPER_COMPLETE.canMoveTo(PublicationStatus.LIVE, null)).isTrue();
        assertThat(PublicationStatus.PAPER_TRADING.canMoveTo(PublicationStatus.LIVE, null)).isFalse();
        assertThat(PublicationStatus.ALERTING.canMoveTo(PublicationStatus.LIVE, null)).isFalse();
        assertThat(PublicationStatus.ALERTING.canMoveTo(PublicationStatus.PAPER_TRADING, null)).isFalse();
    }

    @Test
    void pausedResumesOnlyToWhereItWasPausedFrom() {
        for (PublicationStatus from : new PublicationStatus[] {PublicationStatus.PAPER_TRADING, PublicationStatus.LIVE,
                PublicationStatus.ALERTING}) {
            assertThat(from.canMoveTo(PublicationStatus.PAUSED, null)).as(from + " -> paused").isTrue();
            assertThat(PublicationStatus.PAUSED.nextStatuses(from)).containsExactly(from, PublicationStatus.RETIRED);
        }
        assertThat(PublicationStatus.PAPER_COMPLETE.canMoveTo(PublicationStatus.PAUSED, null)).isFalse();
        assertThat(PublicationStatus.PAUSED.canMoveTo(PublicationStatus.PAUSED, PublicationStatus.LIVE)).isFalse();
    }

    @Test
    void retiredFromAnythingAndTerminal() {
        for (PublicationStatus s : PublicationStatus.values()) {
            assertThat(s.canMoveTo(s, PublicationStatus.PAPER_TRADING)).as(s + " -> itself").isFalse();
            if (s != PublicationStatus.RETIRED) {
                assertThat(s.canMoveTo(PublicationStatus.RETIRED, PublicationStatus.PAPER_TRADING)).as(s + " -> retired").isTrue();
            }
        }
        assertThat(PublicationStatus.RETIRED.nextStatuses(null)).isEmpty();
    }

    @Test
    void alertFrequencySpellingsMeanTheModelTimeframes() {
        assertThat(AlertFrequency.timeframe("5_minutes")).contains("5m");
        assertThat(AlertFrequency.timeframe("5m")).contains("5m");
        assertThat(AlertFrequency.timeframe("1_minute")).contains("1m");
        assertThat(AlertFrequency.timeframe("15_minutes")).contains("15m");
        assertThat(AlertFrequency.timeframe("1_hour")).contains("1h");
        assertThat(AlertFrequency.timeframe("DAILY")).contains("1d");
        assertThat(AlertFrequency.timeframe("1_day")).contains("1d");
        assertThat(AlertFrequency.timeframe("10m")).isEmpty();
        assertThat(AlertFrequency.timeframe(null)).isEmpty();
        for (String s : AlertFrequency.SPELLINGS) {
            assertThat(AlertFrequency.timeframe(s)).as(s).isPresent();
        }
    }
}
