package com.sigmatiq.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sigmatiq.engine.TestData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resampling against buckets computed independently with {@code java.time}, on the bundled SPY minutes. */
class BarResamplerTest {

    static final BarSeries MINUTES = BarCsvReader.read(TestData.data("market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv"),
            BarCsvReader.Options.defaults().withBarEnd(true));

    @ParameterizedTest
    @CsvSource({"5m,false", "5m,true", "15m,false", "1h,true", "1d,false", "1d,true"})
    void everyBucketAggregatesExactlyItsMinutes(String tf, boolean extended) {
        Timeframe target = Timeframe.parse(tf);
        BarResampler.Resampled r = BarResampler.resample(MINUTES, target, extended);

        Map<Long, double[]> expected = new LinkedHashMap<>();
        Map<Long, Long> expectedEnd = new LinkedHashMap<>();
        for (int i = 0; i < MINUTES.size(); i++) {
            ZonedDateTime local = Instant.ofEpochMilli(MINUTES.time()[i]).atZone(BarSeries.NEW_YORK);
            LocalDate date = local.toLocalDate();
            LocalTime open = LocalTime.of(9, 30);
            LocalTime close = LocalTime.of(16, 0);
            LocalTime at = local.toLocalTime();
            boolean regular = !at.isBefore(open) && at.isBefore(close);
            if (!regular && !extended) {
                continue;
            }
            ZonedDateTime start;
            ZonedDateTime end;
            if (target.isDaily()) {
                start = date.atStartOfDay(BarSeries.NEW_YORK);
                end = extended ? date.plusDays(1).atStartOfDay(BarSeries.NEW_YORK) : date.atTime(close).atZone(BarSeries.NEW_YORK);
            } else {
                long width = target.millis() / 60_000L;
                LocalTime anchor = at.isBefore(close) ? open : close;
                long since = java.time.Duration.between(anchor, at).toMinutes();
                LocalTime bucket = anchor.plusMinutes(Math.floorDiv(since, width) * width);
                start = date.atTime(bucket).atZone(BarSeries.NEW_YORK);
                ZonedDateTime segmentEnd = at.isBefore(open) ? date.atTime(open).atZone(BarSeries.NEW_YORK)
                        : at.isBefore(close) ? date.atTime(close).atZone(BarSeries.NEW_YORK)
                        : date.plusDays(1).atStartOfDay(BarSeries.NEW_YORK);
                end = start.plusMinutes(width).isAfter(segmentEnd) ? segmentEnd : start.plusMinutes(width);
            }
            long key = start.toInstant().toEpochMilli();
            double[] b = expected.get(key);
            if (b == null) {
                expected.put(key, new double[] {MINUTES.open()[i], MINUTES.high()[i], MINUTES.low()[i], MINUTES.close()[i],
                        MINUTES.volume()[i]});
                expectedEnd.put(key, end.toInstant().toEpochMilli());
            } else {
                b[1] = Math.max(b[1], MINUTES.high()[i]);
                b[2] = Math.min(b[2], MINUTES.low()[i]);
                b[3] = MINUTES.close()[i];
                b[4] += MINUTES.volume()[i];
            }
        }

        BarSeries out = r.bars();
        assertThat(out.timeframe()).isEqualTo(target);
        assertThat(out.size()).isEqualTo(expected.size());
        int k = 0;
        for (Map.Entry<Long, double[]> e : expected.entrySet()) {
            assertThat(out.time()[k]).as("start of bar %d", k).isEqualTo(e.getKey());
            assertThat(r.end()[k]).as("end of bar %d", k).isEqualTo(expectedEnd.get(e.getKey()));
            assertThat(new double[] {out.open()[k], out.high()[k], out.low()[k], out.close()[k], out.volume()[k]})
                    .as("bar %d", k).containsExactly(e.getValue());
            k++;
        }
    }

    @Test
    void anEarlyCloseEndsTheRegularSegmentAt13() {
        // 2011-11-25, the day after Thanksgiving: minutes 12:58, 12:59 (regular), 13:00 and 13:01 (post-market)
        long t0 = ZonedDateTime.of(2011, 11, 25, 12, 58, 0, 0, BarSeries.NEW_YORK).toInstant().toEpochMilli();
        long[] time = {t0, t0 + 60_000, t0 + 120_000, t0 + 180_000};
        double[] px = {1, 2, 3, 4};
        BarSeries m = new BarSeries("SPY", BarSeries.NEW_YORK, Timeframe.M1, time, px, px, px, px, px);

        BarResampler.Resampled regular = BarResampler.resample(m, Timeframe.H1, false);
        assertThat(regular.size()).isEqualTo(1);
        assertThat(regular.bars().close()[0]).isEqualTo(2);
        assertThat(Instant.ofEpochMilli(regular.end()[0]).atZone(BarSeries.NEW_YORK).toLocalTime()).hasToString("13:00");

        BarResampler.Resampled extended = BarResampler.resample(m, Timeframe.H1, true);
        assertThat(extended.size()).isEqualTo(2);
        assertThat(Instant.ofEpochMilli(extended.bars().time()[1]).atZone(BarSeries.NEW_YORK).toLocalTime()).hasToString("13:00");
        assertThat(extended.firstSource()).containsExactly(0, 2);
        assertThat(extended.lastSource()).containsExactly(1, 3);
    }

    @Test
    void refusesWhatCannotBeBuilt() {
        assertThat(BarResampler.canResample(Timeframe.M5, Timeframe.M15)).isTrue();
        assertThat(BarResampler.canResample(Timeframe.M15, Timeframe.M5)).isFalse();
        assertThat(BarResampler.canResample(Timeframe.D1, Timeframe.H1)).isFalse();
        BarSeries daily = BarResampler.resample(MINUTES, Timeframe.D1, false).bars();
        assertThatThrownBy(() -> BarResampler.resample(daily, Timeframe.H1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot build 1h bars from 1d bars");
    }
}
