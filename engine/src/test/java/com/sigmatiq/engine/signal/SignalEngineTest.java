package com.sigmatiq.engine.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignalEngineTest {

    static Pack pack;
    static BarSeries daily;
    static BarSeries minutes;

    @BeforeAll
    static void load() {
        pack = PackLoader.load(TestData.pack("swingsigma"));
        daily = BarCsvReader.read(TestData.data("market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv"), BarCsvReader.Options.defaults());
        minutes = BarCsvReader.read(TestData.data("market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv"),
                BarCsvReader.Options.defaults().withBarEnd(true));
    }

    static Stream<Arguments> cases() {
        return Stream.of("momentum_swing", "mean_reversion_swing", "breakout_swing").flatMap(s -> Stream.of(
                Arguments.of(s, "daily", Map.of()),
                Arguments.of(s, "minutes", Map.of("allowed_hours", "morning_only", "rsi_period", 21)),
                Arguments.of(s, "minutes", Map.of("allowed_hours", List.of(13, 14, 15), "threshold", 0.5))));
    }

    @ParameterizedTest(name = "{0} on {1} {2}")
    @MethodSource("cases")
    void streamingGivesTheBatchSignalsBarForBar(String strategy, String data, Map<String, Object> overrides) {
        BarSeries bars = data.equals("daily") ? daily : minutes;
        SignalEngine engine = SignalEngine.compile(StrategyConfig.resolve(pack, strategy, overrides));
        Signals batch = engine.run(bars);
        SignalEngine.Stream stream = engine.stream(bars.zone(), bars.timeframe().isDaily());
        int entries = 0;
        int exits = 0;
        for (int t = 0; t < bars.size(); t++) {
            stream.update(bars.time()[t], bars.open()[t], bars.high()[t], bars.low()[t], bars.close()[t], bars.volume()[t]);
            assertThat(stream.score()).as("score at %d", t).isEqualTo(batch.score()[t]);
            assertThat(stream.exit()).as("exit at %d", t).isEqualTo(batch.exit()[t]);
            assertThat(stream.ready()).as("ready at %d", t).isEqualTo(batch.ready()[t]);
            assertThat(stream.hourAllowed()).as("hour at %d", t).isEqualTo(batch.hourAllowed()[t]);
            entries += batch.eligible(t) && batch.score()[t] >= 0.75 ? 1 : 0;
            exits += batch.exit()[t] ? 1 : 0;
        }
        assertThat(exits).as("some exit signals").isPositive();
        assertThat(entries).as("some strong entries").isPositive();
    }

    @Test
    void momentumScoreIsTheShareOfEntryLinesThatHold() {
        StrategyConfig config = StrategyConfig.resolve(pack, "momentum_swing", Map.of("rsi_period", 21));
        SignalEngine engine = SignalEngine.compile(config);
        double[][] cols = engine.plan().compute(daily);
        var sym = pack.symbols();
        double[] rsi = cols[sym.slot("rsi")], line = cols[sym.slot("macd_line")], signal = cols[sym.slot("signal_line")];
        double[] adx = cols[sym.slot("adx")], ema = cols[sym.slot("ema_20")], close = daily.close();
        Signals s = engine.run(daily);
        int full = 0;
        for (int t = 0; t < daily.size(); t++) {
            int holds = (rsi[t] > 50 && rsi[t] < 70 ? 1 : 0) + (line[t] > signal[t] ? 1 : 0) + (adx[t] > 25 ? 1 : 0) + (close[t] > ema[t] ? 1 : 0);
            assertThat(s.score()[t]).as("score at %d", t).isEqualTo(holds / 4.0);
            boolean exit = rsi[t] > 70 || rsi[t] < 30 || !(line[t] > signal[t]) || close[t] < ema[t];
            assertThat(s.exit()[t]).as("exit at %d", t).isEqualTo(exit);
            full += holds == 4 ? 1 : 0;
        }
        assertThat(full).isPositive();
    }

    @Test
    void readyAfterTheSlowestWarmUpOfEveryNameTheRulesUse() {
        // momentum_swing reads rsi (warm-up = period), macd_cross -> macd_line/signal_line (slow + signal - 2),
        // adx (2 * period - 1), price, ema_20 (period - 1); with the pack's defaults MACD's 26 + 9 - 2 = 33 is the slowest
        assertThat(SignalEngine.compile(StrategyConfig.defaults(pack, "momentum_swing")).readyFrom()).isEqualTo(33);
        assertThat(SignalEngine.compile(StrategyConfig.resolve(pack, "momentum_swing", Map.of("rsi_period", 40))).readyFrom()).isEqualTo(40);
        assertThat(SignalEngine.compile(StrategyConfig.resolve(pack, "momentum_swing", Map.of("macd_slow_period", 40))).readyFrom()).isEqualTo(47);
        // breakout_swing: bb_squeeze (bollinger 20 -> 19), volume_surge (volume_ma 20 -> 19), adx increasing (27), ema_20 (19)
        assertThat(SignalEngine.compile(StrategyConfig.defaults(pack, "breakout_swing")).readyFrom()).isEqualTo(27);
        Signals s = SignalEngine.compile(StrategyConfig.defaults(pack, "momentum_swing")).run(daily);
        assertThat(s.ready()[32]).isFalse();
        assertThat(s.ready()[33]).isTrue();
    }

    @Test
    void hoursAreExchangeLocalBarStartsInsideTheRegularSession() {
        Signals morning = SignalEngine.compile(StrategyConfig.resolve(pack, "momentum_swing", Map.of("allowed_hours", "morning_only"))).run(minutes);
        Signals allDay = SignalEngine.compile(StrategyConfig.resolve(pack, "momentum_swing", Map.of("allowed_hours", "all_day"))).run(minutes);
        Signals late = SignalEngine.compile(StrategyConfig.resolve(pack, "momentum_swing", Map.of("allowed_hours", List.of(14, 15, 16)))).run(minutes);
        for (int t = 0; t < minutes.size(); t++) {
            ZonedDateTime ny = Instant.ofEpochMilli(minutes.time()[t]).atZone(BarSeries.NEW_YORK);
            int minute = ny.getHour() * 60 + ny.getMinute();
            boolean regular = minute >= 9 * 60 + 30 && minute < 16 * 60;
            assertThat(allDay.hourAllowed()[t]).as("all_day at %s", ny).isEqualTo(regular);
            assertThat(morning.hourAllowed()[t]).as("morning at %s", ny).isEqualTo(regular && ny.getHour() >= 9 && ny.getHour() <= 11);
            assertThat(late.hourAllowed()[t]).as("[14,15,16] at %s", ny).isEqualTo(regular && ny.getHour() >= 14);
        }
        // the DST change on 2011-03-13 moves the regular session from 14:30Z to 13:30Z
        SessionClock clock = SessionClock.of(minutes);
        int before = firstAllowed(allDay, clock, "2011-03-11");
        int after = firstAllowed(allDay, clock, "2011-03-14");
        assertThat(Instant.ofEpochMilli(minutes.time()[before])).isEqualTo(Instant.parse("2011-03-11T14:30:00Z"));
        assertThat(Instant.ofEpochMilli(minutes.time()[after])).isEqualTo(Instant.parse("2011-03-14T13:30:00Z"));
    }

    private static int firstAllowed(Signals s, SessionClock clock, String date) {
        for (int t = 0; t < s.size(); t++) {
            if (clock.sessionDate(clock.session(t)).toString().equals(date) && s.hourAllowed()[t]) {
                return t;
            }
        }
        throw new AssertionError("no allowed bar on " + date);
    }

    @Test
    void dailyBarsIgnoreHours() {
        Signals s = SignalEngine.compile(StrategyConfig.resolve(pack, "momentum_swing", Map.of("allowed_hours", "afternoon_only"))).run(daily);
        for (boolean b : s.hourAllowed()) {
            assertThat(b).isTrue();
        }
    }
}
