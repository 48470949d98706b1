package com.sigmatiq.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sigmatiq.engine.TestData;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BarCsvReaderTest {

    private static BarSeries read(String file, BarCsvReader.Options o) {
        return BarCsvReader.read(TestData.data("market/" + file), o);
    }

    @Test
    void readsDailyFileWithLowerCaseHeader() {
        BarSeries s = read("SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv", BarCsvReader.Options.defaults());
        assertThat(s.ticker()).isEqualTo("SPY");
        assertThat(s.timeframe()).isEqualTo(Timeframe.D1);
        assertThat(s.size()).isEqualTo(5241);
        // 1999-11-01,136.5,137.0,135.5625,135.5625,4006500 at New York midnight
        assertThat(Instant.ofEpochMilli(s.time()[0])).isEqualTo(Instant.parse("1999-11-01T05:00:00Z"));
        assertThat(s.open()[0]).isEqualTo(136.5);
        assertThat(s.low()[0]).isEqualTo(135.5625);
        assertThat(s.volume()[0]).isEqualTo(4006500);
    }

    @Test
    void readsCapitalisedHeaderAndIgnoresAdjClose() {
        BarSeries s = read("AAPL_daily_2004-08-19_2018-01-19.csv", BarCsvReader.Options.defaults());
        assertThat(s.size()).isEqualTo(3379);
        assertThat(s.close()[0]).isEqualTo(2.193571); // Close, not Adj Close (1.966391)
    }

    @Test
    void utcBarEndStampsBecomeBarStarts() {
        BarSeries s = read("SPY_1min_2011-03-01_2011-03-31_utc_barend.csv", BarCsvReader.Options.defaults().withBarEnd(true));
        assertThat(s.timeframe()).isEqualTo(Timeframe.M1);
        assertThat(s.size()).isEqualTo(17577);
        // first row 2011-03-01T09:01:00Z marks the end of the 09:00 bar
        assertThat(Instant.ofEpochMilli(s.time()[0])).isEqualTo(Instant.parse("2011-03-01T09:00:00Z"));
        SessionClock clock = SessionClock.of(s);
        assertThat(clock.sessionCount()).isEqualTo(23);
        int regular = 0;
        for (int i = 0; i < s.size(); i++) {
            if (clock.regular(i)) {
                regular++;
            }
        }
        assertThat(regular).isEqualTo(23 * 390); // SOURCES.md: every regular session is complete
    }

    @Test
    void localBarEndStampsInExchangeTime() {
        BarSeries s = read("SPY_10min_2015-03-03_2015-03-19_lean.csv", BarCsvReader.Options.defaults().withBarEnd(true));
        assertThat(s.size()).isEqualTo(500);
        assertThat(s.timeframe()).isEqualTo(Timeframe.M10);
        // 2015-03-03T10:50 ET is the end of the 10:40 bar (EST, UTC-5)
        assertThat(Instant.ofEpochMilli(s.time()[0])).isEqualTo(Instant.parse("2015-03-03T15:40:00Z"));
    }

    @Test
    void missingVolumeIsNaN() {
        BarSeries s = read("SPX_index_1min_2019-11-05_2019-11-08.csv", BarCsvReader.Options.defaults());
        assertThat(s.size()).isEqualTo(1563);
        assertThat(s.volume()[0]).isNaN();
        assertThat(SessionClock.of(s).hour(0)).isEqualTo(9);
    }

    @Test
    void sourceZoneAppliesToNaiveStamps() throws IOException {
        String csv = "time,open,high,low,close\n2020-01-02 14:30,1,1,1,1\n2020-01-02 14:31,1,1,1,1\n";
        BarSeries s = BarCsvReader.read(new StringReader(csv), "x.csv",
                BarCsvReader.Options.defaults().withTicker("X").withSourceZone(ZoneId.of("UTC")));
        assertThat(SessionClock.of(s).hour(0)).isEqualTo(9);
    }

    @Test
    void malformedRowsNameTheLine() {
        assertThatThrownBy(() -> parse("date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,10\n2020-01-03,1,2,x,1.5,10\n"))
                .isInstanceOf(BarFileException.class).hasMessageContaining("f.csv:3").hasMessageContaining("'x' in column 'low'");
        assertThatThrownBy(() -> parse("date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,10\n2020-01-03,1,NaN,0.5,1.5,10\n"))
                .hasMessageContaining("f.csv:3").hasMessageContaining("'NaN' in column 'high' is not a finite number");
        assertThatThrownBy(() -> parse("date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,Infinity\n"))
                .hasMessageContaining("f.csv:2").hasMessageContaining("'Infinity' in column 'volume'");
        assertThatThrownBy(() -> parse("date,open,high,low,close\n2020-01-02,1,2,0.5\n"))
                .hasMessageContaining(":2").hasMessageContaining("expected 5 fields");
        assertThatThrownBy(() -> parse("date,open,high,low,close\n2020-01-03,1,2,0.5,1\n2020-01-02,1,2,0.5,1\n"))
                .hasMessageContaining(":3").hasMessageContaining("time order");
        assertThatThrownBy(() -> parse("date,open,high,low,close\n2020-01-03,1,2,0.5,1\n2020-01-03,1,2,0.5,1\n"))
                .hasMessageContaining(":3").hasMessageContaining("duplicate");
        assertThatThrownBy(() -> parse("day,open,high,low,close\n"))
                .hasMessageContaining("no time column");
        assertThatThrownBy(() -> parse("date,open,high,low,close\n03/01/2020,1,2,0.5,1\n"))
                .hasMessageContaining(":2").hasMessageContaining("'03/01/2020'");
    }

    private static BarSeries parse(String csv) throws IOException {
        return BarCsvReader.read(new StringReader(csv), "f.csv", BarCsvReader.Options.defaults().withTicker("F"));
    }
}
