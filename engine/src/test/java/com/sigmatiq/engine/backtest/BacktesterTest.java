package com.sigmatiq.engine.backtest;

import static com.sigmatiq.engine.backtest.TestBars.always;
import static com.sigmatiq.engine.backtest.TestBars.enterAt;
import static com.sigmatiq.engine.backtest.TestBars.params;
import static com.sigmatiq.engine.backtest.TestBars.run;
import static com.sigmatiq.engine.backtest.TestBars.signals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The simulator against hand-built bars; every expected number follows from DESIGN §4 by hand (100,000
 * capital at 100% size buys 1,000 shares at 100).
 */
class BacktesterTest {

    /** Tolerance for prices and money, scaled: 1e-9 × max(1, |x|). */
    static Offset<Double> tol(double expected) {
        return within(1e-9 * Math.max(1, Math.abs(expected)));
    }

    static Trade only(BacktestResult r) {
        assertThat(r.trades()).hasSize(1);
        return r.trades().get(0);
    }

    @Nested
    class IntrabarExits {

        @Test
        void stopLossExitsAtTheStopLevel() {
            TestBars b = TestBars.daily().flat(100).bar(100, 101, 99, 100).bar(99, 100, 91, 95).flat(95);
            BacktestResult r = run(b, enterAt(4, 0), params(0.08, 0, 0, 0));
            Trade t = only(r);
            assertThat(t.entryBar()).isEqualTo(1);
            assertThat(t.exitBar()).isEqualTo(2);
            assertThat(t.entryPrice()).isCloseTo(100, tol(100));
            assertThat(t.exitPrice()).isCloseTo(92, tol(92));
            assertThat(t.shares()).isCloseTo(1000, tol(1000));
            assertThat(t.pnl()).isCloseTo(-8000, tol(8000));
            assertThat(t.returnFraction()).isCloseTo(-0.08, tol(0.08));
            assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
            assertThat(t.durationDays()).isEqualTo(1);
            assertThat(r.dailyEquity()).containsExactly(new double[] {100_000, 100_000, 92_000, 92_000}, within(1e-6));
        }

        @Test
        void takeProfitExitsAtTheTarget() {
            TestBars b = TestBars.daily().flat(100).bar(100, 101, 99, 100).bar(101, 111, 100, 105).flat(105);
            Trade t = only(run(b, enterAt(4, 0), params(0.08, 0.10, 0, 0)));
            assertThat(t.exitBar()).isEqualTo(2);
            assertThat(t.exitPrice()).isCloseTo(110, tol(110));
            assertThat(t.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
            assertThat(t.returnFraction()).isCloseTo(0.10, tol(0.1));
        }

        @Test
        void stopWinsWhenOneBarReachesBothLevels() {
            TestBars b = TestBars.daily().flat(100).bar(100, 101, 99, 100).bar(100, 111, 91, 100).flat(100);
            Trade t = only(run(b, enterAt(4, 0), params(0.08, 0.10, 0, 0)));
            assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
            assertThat(t.exitPrice()).isCloseTo(92, tol(92));
        }

        @Test
        void openGappingThroughTheStopExitsAtTheOpen() {
            TestBars b = TestBars.daily().flat(100).bar(100, 101, 99, 100).bar(90, 95, 88, 94).flat(94);
            Trade t = only(run(b, enterAt(4, 0), params(0.08, 0.10, 0, 0)));
            assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
            assertThat(t.exitPrice()).isCloseTo(90, tol(90));
        }

        @Test
        void openGappingThroughTheTargetExitsAtTheOpen() {
            TestBars b = TestBars.daily().flat(100).bar(100, 101, 99, 100).bar(112, 115, 111, 113).flat(113);
            Trade t = only(run(b, enterAt(4, 0), params(0.08, 0.10, 0, 0)));
            assertThat(t.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
            assertThat(t.exitPrice()).isCloseTo(112, tol(112));
        }

        @Test
        void theEntryBarsOpenIsNotAGap() {
            // fill 100 × 1.001 = 100.1, stop 100.1 × 0.9995 = 100.04995 lies above the open 100: no exit at
            // the entry bar's open, but its low 99 reaches the stop inside the bar
            TestBars b = TestBars.daily().flat(100).bar(100, 100.5, 99, 100).flat(100);
            ExecutionParams p = new ExecutionParams(0.5, 0.0005, 0, 0, 0, 10, 0, 0, 100_000,
                    new Sizing.FixedFraction(1));
            Trade t = only(run(b, enterAt(3, 0), p));
            assertThat(t.entryBar()).isEqualTo(1);
            assertThat(t.exitBar()).isEqualTo(1);
            assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
            assertThat(t.exitPrice()).isCloseTo(100.1 * 0.9995 * 0.999, tol(100));
            assertThat(t.durationDays()).isZero();
        }
    }

    @Nested
    class TrailingStop {

        @Test
        void ratchetsUpFromTheNextBarAndReportsTrailingStop() {
            // bar 1: peak 104 → stop max(92, 98.8) = 98.8; bar 2: low 99 stays above 98.8 (the 100.7 from
            // bar 2's high 106 is only in force from bar 3); bar 3: low 100.5 ≤ 100.7 → exit at 100.7
            TestBars b = TestBars.daily().flat(100).bar(100, 104, 99, 103).bar(103, 106, 99, 105)
                    .bar(105, 105, 100.5, 101).flat(101);
            Trade t = only(run(b, enterAt(5, 0), params(0.08, 0, 0.05, 0)));
            assertThat(t.exitBar()).isEqualTo(3);
            assertThat(t.exitPrice()).isCloseTo(100.7, tol(100.7));
            assertThat(t.exitReason()).isEqualTo(ExitReason.TRAILING_STOP);
            assertThat(t.returnFraction()).isCloseTo(0.007, tol(0.007));
        }

        @Test
        void aStopTheTrailNeverRaisedIsAStopLoss() {
            // trail 100 × 0.95 = 95 stays below the 2% stop at 98
            TestBars b = TestBars.daily().flat(100).bar(100, 100, 99, 99.5).bar(99, 99, 97, 97.5).flat(97);
            Trade t = only(run(b, enterAt(4, 0), params(0.02, 0, 0.05, 0)));
            assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
            assertThat(t.exitPrice()).isCloseTo(98, tol(98));
        }

        @Test
        void withoutAStopLossTheTrailAloneSetsTheStop() {
            TestBars b = TestBars.daily().flat(100).bar(100, 110, 100, 109).bar(108, 108, 104, 105).flat(105);
            Trade t = only(run(b, enterAt(4, 0), params(0, 0, 0.05, 0)));
            assertThat(t.exitReason()).isEqualTo(ExitReason.TRAILING_STOP);
            assertThat(t.exitPrice()).isCloseTo(104.5, tol(104.5));
        }

        @Test
        void openGappingThroughARaisedStopIsATrailingStopAtTheOpen() {
            TestBars b = TestBars.daily().flat(100).bar(100, 110, 100, 109).bar(103, 104, 102, 103).flat(103);
            Trade t = only(run(b, enterAt(4, 0), params(0.08, 0, 0.05, 0)));
            assertThat(t.exitReason()).isEqualTo(ExitReason.TRAILING_STOP);
            assertThat(t.exitPrice()).isCloseTo(103, tol(103));
        }
    }

    @Nested
    class TimeStop {

        @Test
        void oneDayOnDailyBarsExitsAtTheEntryBarsClose() {
            TestBars b = TestBars.daily().flat(100).bar(100, 101, 99, 100.5).flat(101);
            Trade t = only(run(b, enterAt(3, 0), params(0, 0, 0, 1)));
            assertThat(t.exitBar()).isEqualTo(1);
            assertThat(t.exitPrice()).isCloseTo(100.5, tol(100.5));
            assertThat(t.exitReason()).isEqualTo(ExitReason.TIME_STOP);
            assertThat(t.durationDays()).isZero();
        }

        @Test
        void threeDaysOnDailyBarsExitsAtTheThirdSessionsClose() {
            TestBars b = TestBars.daily().flat(100).bar(100, 101, 99, 100).bar(100, 102, 99, 101)
                    .bar(101, 103, 100, 102).bar(102, 104, 101, 103).flat(103);
            Trade t = only(run(b, enterAt(6, 0), params(0, 0, 0, 3)));
            assertThat(t.exitBar()).isEqualTo(3);
            assertThat(t.exitPrice()).isCloseTo(102, tol(102));
            assertThat(t.exitReason()).isEqualTo(ExitReason.TIME_STOP);
            assertThat(t.durationDays()).isEqualTo(2);
        }

        /**
         * Sessions: Jan 2 = bars 0–3, Jan 3 = bars 4–7, Jan 4 = bars 8–9; each session's last bar is the post-market
         * 19:00 bar, which closes it by the calendar (it ends at 20:00, the end of late trading).
         */
        TestBars threeSessions() {
            LocalDate a = LocalDate.of(2024, 1, 2);
            LocalDate bDay = a.plusDays(1);
            LocalDate c = a.plusDays(2);
            TestBars b = TestBars.hourly();
            double p = 100;
            for (LocalDateTime at : new LocalDateTime[] {a.atTime(9, 30), a.atTime(10, 30), a.atTime(11, 30),
                a.atTime(19, 0), bDay.atTime(9, 30), bDay.atTime(10, 30), bDay.atTime(11, 30), bDay.atTime(19, 0),
                c.atTime(9, 30), c.atTime(19, 0)}) {
                b.barAt(at, p, p + 0.5, p - 0.5, p + 0.25);
                p += 0.25;
            }
            return b;
        }

        @Test
        void intradayOneDayExitsAtTheLastBarOfTheEntrySessionEvenPostMarket() {
            Trade t = only(run(threeSessions(), enterAt(10, 0), params(0, 0, 0, 1)));
            assertThat(t.entryBar()).isEqualTo(1);
            assertThat(t.exitBar()).isEqualTo(3);
            assertThat(t.exitPrice()).isCloseTo(101, tol(101)); // close of bar 3: 100.75 + 0.25
            assertThat(t.exitReason()).isEqualTo(ExitReason.TIME_STOP);
            assertThat(t.durationDays()).isZero();
        }

        @Test
        void intradayTwoDaysExitsAtTheLastBarOfTheSecondSession() {
            Trade t = only(run(threeSessions(), enterAt(10, 0), params(0, 0, 0, 2)));
            assertThat(t.exitBar()).isEqualTo(7);
            assertThat(t.exitPrice()).isCloseTo(102, tol(102));
            assertThat(t.exitReason()).isEqualTo(ExitReason.TIME_STOP);
            assertThat(t.durationDays()).isEqualTo(1);
        }

        @Test
        void intradayThreeDaysOnTheLastBarIsATimeStopNotEndOfData() {
            Trade t = only(run(threeSessions(), enterAt(10, 0), params(0, 0, 0, 3)));
            assertThat(t.exitBar()).isEqualTo(9);
            assertThat(t.exitReason()).isEqualTo(ExitReason.TIME_STOP);
            assertThat(t.durationDays()).isEqualTo(2);
        }

        @Test
        void aSessionWhoseClosingBarIsMissingIsClosedByTheNextClosingBar() {
            // Jan 3 without its 19:00 bar: no bar of Jan 3 reaches the session's end, so a one-day time stop
            // entered on Jan 3 acts at the next bar that closes a session (Jan 4, 19:00), as a live feed would
            LocalDate a = LocalDate.of(2024, 1, 3);
            TestBars b = TestBars.hourly();
            double p = 100;
            for (LocalDateTime at : new LocalDateTime[] {a.atTime(9, 30), a.atTime(10, 30), a.atTime(11, 30),
                a.plusDays(1).atTime(9, 30), a.plusDays(1).atTime(19, 0), a.plusDays(2).atTime(9, 30)}) {
                b.barAt(at, p, p + 0.5, p - 0.5, p + 0.25);
                p += 0.25;
            }
            Trade t = only(run(b, enterAt(6, 0), params(0, 0, 0, 1)));
            assertThat(t.entryBar()).isEqualTo(1);
            assertThat(t.exitBar()).isEqualTo(4);
            assertThat(t.exitReason()).isEqualTo(ExitReason.TIME_STOP);
        }

        @Test
        void entryInTheSessionsLastBarCountsThatSessionAsTheFirst() {
            // decided at bar 2's close, filled at bar 3 (19:00 post-market of Jan 2): Jan 2 is day one
            Trade t = only(run(threeSessions(), enterAt(10, 2), params(0, 0, 0, 2)));
            assertThat(t.entryBar()).isEqualTo(3);
            assertThat(t.exitBar()).isEqualTo(7);
        }
    }

    @Nested
    class RuleExits {

        @Test
        void fillAtTheNextOpen() {
            TestBars b = TestBars.daily().flat(100).bar(100, 102, 99, 101).bar(101, 103, 100, 102)
                    .bar(104, 105, 103, 104).flat(104);
            BacktestResult r = run(b, signals(5, new int[] {0}, new int[] {2}), params());
            Trade t = only(r);
            assertThat(t.exitBar()).isEqualTo(3);
            assertThat(t.exitPrice()).isCloseTo(104, tol(104));
            assertThat(t.exitReason()).isEqualTo(ExitReason.EXIT_SIGNAL);
            assertThat(t.returnFraction()).isCloseTo(0.04, tol(0.04));
            // still held at bar 2's close
            assertThat(r.dailyEquity()).containsExactly(new double[] {100_000, 101_000, 102_000, 104_000, 104_000},
                    within(1e-6));
        }

        @Test
        void anOpenGappingThroughTheStopStaysExitSignal() {
            TestBars b = TestBars.daily().flat(100).bar(100, 102, 99, 101).bar(101, 103, 100, 102)
                    .bar(85, 86, 80, 82).flat(82);
            Trade t = only(run(b, signals(5, new int[] {0}, new int[] {2}), params(0.08, 0.10, 0, 0)));
            assertThat(t.exitReason()).isEqualTo(ExitReason.EXIT_SIGNAL);
            assertThat(t.exitPrice()).isCloseTo(85, tol(85));
        }

        @Test
        void anOpenGappingThroughTheTargetStaysExitSignal() {
            TestBars b = TestBars.daily().flat(100).bar(100, 102, 99, 101).bar(101, 103, 100, 102)
                    .bar(115, 116, 114, 115).flat(115);
            Trade t = only(run(b, signals(5, new int[] {0}, new int[] {2}), params(0.08, 0.10, 0, 0)));
            assertThat(t.exitReason()).isEqualTo(ExitReason.EXIT_SIGNAL);
            assertThat(t.exitPrice()).isCloseTo(115, tol(115));
        }

        @Test
        void aStopInTheSameBarAsTheRuleDecisionStillExitsInsideTheBar() {
            TestBars b = TestBars.daily().flat(100).bar(100, 102, 99, 101).bar(100, 100, 90, 95).flat(95);
            Trade t = only(run(b, signals(4, new int[] {0}, new int[] {2}), params(0.08, 0, 0, 0)));
            assertThat(t.exitBar()).isEqualTo(2);
            assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        }
    }

    @Nested
    class EndOfData {

        @Test
        void openPositionClosesAtTheLastClose() {
            TestBars b = TestBars.daily().flat(100).bar(100, 102, 99, 101).bar(101, 102, 100, 102);
            Trade t = only(run(b, enterAt(3, 0), params()));
            assertThat(t.exitBar()).isEqualTo(2);
            assertThat(t.exitPrice()).isCloseTo(102, tol(102));
            assertThat(t.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
        }

        @Test
        void theRangesEndIsTheLastBar() {
            BarSeries bars = TestBars.daily().flat(100).bar(100, 102, 99, 101).bar(101, 102, 100, 102).series();
            BacktestResult r = Backtester.run(bars, SessionClock.of(bars), enterAt(3, 0), 0, 2, params());
            Trade t = only(r);
            assertThat(t.exitBar()).isEqualTo(1);
            assertThat(t.exitPrice()).isCloseTo(101, tol(101));
            assertThat(t.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
            assertThat(r.dailyEquity()).hasSize(2);
        }

        @Test
        void aRuleExitDecidedAtTheLastCloseIsEndOfData() {
            TestBars b = TestBars.daily().flat(100).bar(100, 102, 99, 101).bar(101, 102, 100, 102);
            Trade t = only(run(b, signals(3, new int[] {0}, new int[] {2}), params()));
            assertThat(t.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
            assertThat(t.exitPrice()).isCloseTo(102, tol(102));
        }

        @Test
        void anEntryDecidedAtTheLastCloseIsNotTaken() {
            BacktestResult r = run(TestBars.daily().flat(100).flat(101).flat(102), enterAt(3, 2), params());
            assertThat(r.trades()).isEmpty();
            assertThat(r.exposureSessions()).isZero();
            assertThat(r.dailyEquity()).containsExactly(100_000, 100_000, 100_000);
        }
    }

    @Nested
    class ReEntry {

        @Test
        void afterAnIntrabarExitTheSameClosesEntryFillsAtTheNextOpen() {
            TestBars b = TestBars.daily().flat(100).bar(100, 101, 99, 100).bar(99, 100, 91, 95)
                    .bar(95, 96, 94, 95).flat(95);
            BacktestResult r = run(b, enterAt(5, 0, 2), params(0.08, 0, 0, 0));
            assertThat(r.trades()).hasSize(2);
            Trade second = r.trades().get(1);
            assertThat(second.entryBar()).isEqualTo(3);
            assertThat(second.shares()).isCloseTo(92_000 / 95.0, tol(1000)); // equity at bar 2's close: 92,000
            assertThat(second.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
        }

        @Test
        void afterARuleExitTheNextEntryIsDecidedAtTheFillBarsClose() {
            TestBars b = TestBars.daily().flat(100).flat(100).flat(101).flat(102).flat(103).flat(104);
            // eligible at 2 (ignored: still in the position, its exit pending) and at 3 (the exit's fill bar)
            SignalColumns s = signals(6, new int[] {0, 2, 3}, new int[] {2});
            BacktestResult r = run(b, s, params());
            assertThat(r.trades()).hasSize(2);
            assertThat(r.trades().get(0).exitBar()).isEqualTo(3);
            assertThat(r.trades().get(0).exitReason()).isEqualTo(ExitReason.EXIT_SIGNAL);
            assertThat(r.trades().get(1).entryBar()).isEqualTo(4);
            assertThat(r.trades().get(1).entryPrice()).isCloseTo(103, tol(103));
        }
    }

    @Nested
    class CostsSizingAndThreshold {

        @Test
        void slippageAndCommissionOnBothSides() {
            TestBars b = TestBars.daily().flat(100).flat(100).flat(100).flat(110).flat(110);
            ExecutionParams p = new ExecutionParams(0.5, 0, 0, 0, 0, 10, 1.0, 0.01, 100_000,
                    new Sizing.FixedFraction(1));
            BacktestResult r = run(b, signals(5, new int[] {0}, new int[] {2}), p);
            Trade t = only(r);
            double buy = 100 * (1 + 10 / 1e4);                   // 100.1
            double shares = 100_000 / buy;                        // the whole equity invested, commission on top
            double sell = 110 * (1 - 10 / 1e4);                   // 109.89
            double commissions = 2 * (1.0 + 0.01 * shares);
            double pnl = shares * sell - shares * buy - commissions;
            assertThat(t.entryPrice()).isCloseTo(buy, tol(buy));
            assertThat(t.exitPrice()).isCloseTo(sell, tol(sell));
            assertThat(t.shares()).isCloseTo(shares, tol(shares));
            assertThat(t.commission()).isCloseTo(commissions, tol(commissions));
            assertThat(t.pnl()).isCloseTo(pnl, tol(pnl));
            assertThat(t.returnFraction()).isCloseTo(pnl / 100_000, tol(1));
            // equity at bar 1's close: cash −(entry commission) + shares × 100
            assertThat(r.dailyEquity()[1]).isCloseTo(-(1.0 + 0.01 * shares) + shares * 100, tol(1e5));
            assertThat(r.dailyEquity()[4]).isCloseTo(100_000 + pnl, tol(1e5));
            assertThat(r.metrics().totalReturn()).isCloseTo(pnl / 100_000, tol(1));
        }

        @Test
        void thresholdGatesEntriesAndEqualityEnters() {
            double[] conf = {0.4, 1.0, 0.5, 0.0, 0.0};
            boolean[] eligible = {true, false, true, true, true};
            SignalColumns s = new SignalColumns(conf, eligible, new boolean[5]);
            TestBars b = TestBars.daily().flat(100).flat(100).flat(100).flat(100).flat(100);
            Trade t = only(run(b, s, params()));
            assertThat(t.entryBar()).isEqualTo(3);
        }

        @Test
        void positionSizePctInvestsThatShareOfEquityAtTheDecidingClose() {
            TestBars b = TestBars.daily().flat(100).flat(100).flat(110).flat(110).flat(110);
            ExecutionParams p = new ExecutionParams(0.5, 0, 0, 0, 0, 0, 0, 0, 100_000,
                    new Sizing.FixedFraction(0.02));
            BacktestResult r = run(b, signals(5, new int[] {0, 3}, new int[] {2}), p);
            assertThat(r.trades()).hasSize(2);
            assertThat(r.trades().get(0).shares()).isCloseTo(20, tol(20));         // 2,000 / 100
            assertThat(r.trades().get(0).sizeFraction()).isEqualTo(0.02);
            // equity at bar 3's close: 100,000 + 20 × 10 = 100,200 → 2,004 invested at 110
            assertThat(r.trades().get(1).shares()).isCloseTo(2004 / 110.0, tol(20));
            assertThat(r.maxSizeFraction()).isEqualTo(0.02);
        }
    }

    @Nested
    class KellySizing {

        /** Trade i (1-based) opens at bar i's open 100 and closes at its close by a one-day time stop. */
        BacktestResult run(double[] returns, Sizing sizing) {
            TestBars b = TestBars.daily().flat(100);
            for (double ret : returns) {
                double c = 100 * (1 + ret);
                b.bar(100, Math.max(100, c), Math.min(100, c), c);
            }
            int n = returns.length + 1;
            ExecutionParams p = new ExecutionParams(0.5, 0, 0, 0, 1, 0, 0, 0, 100_000, sizing);
            BacktestResult r = TestBars.run(b, always(n), p);
            assertThat(r.trades()).hasSize(returns.length);
            return r;
        }

        double[] tenThen(double[] first10) {
            double[] r = java.util.Arrays.copyOf(first10, 11);
            r[10] = 0.01;
            return r;
        }

        @Test
        void maxUntilTenTradesClosedThenHalfKelly() {
            // W = 0.6, R = 0.02 / 0.01 = 2 → Kelly 0.6 − 0.4/2 = 0.4 → half 0.2
            double[] rets = tenThen(new double[] {0.02, -0.01, 0.02, -0.01, 0.02, -0.01, 0.02, -0.01, 0.02, 0.02});
            BacktestResult r = run(rets, new Sizing.Kelly(0.005, 0.25));
            List<Trade> trades = r.trades();
            for (int i = 0; i < 10; i++) {
                assertThat(trades.get(i).sizeFraction()).as("trade %d", i + 1).isEqualTo(0.25);
            }
            Trade eleventh = trades.get(10);
            assertThat(eleventh.sizeFraction()).isCloseTo(0.2, within(1e-12));
            // invested: 0.2 × equity at bar 10's close (the deciding close), at the open 100
            assertThat(eleventh.shares()).isCloseTo(0.2 * r.dailyEquity()[10] / 100, tol(1000));
        }

        @Test
        void clampedToMax() {
            double[] rets = tenThen(new double[] {0.02, -0.01, 0.02, -0.01, 0.02, -0.01, 0.02, -0.01, 0.02, 0.02});
            assertThat(run(rets, new Sizing.Kelly(0.005, 0.1)).trades().get(10).sizeFraction()).isEqualTo(0.1);
        }

        @Test
        void negativeKellyClampedToMin() {
            // W = 0.2, R = 0.01 / 0.02 = 0.5 → Kelly 0.2 − 0.8/0.5 = −1.4 → min
            double[] rets = tenThen(new double[] {0.01, -0.02, -0.02, -0.02, 0.01, -0.02, -0.02, -0.02, -0.02, -0.02});
            assertThat(run(rets, new Sizing.Kelly(0.005, 0.25)).trades().get(10).sizeFraction()).isEqualTo(0.005);
        }

        @Test
        void withoutLosersKellyIsTheWinRate() {
            // W = 1 → Kelly 1 → half 0.5 (inside [0.005, 0.8])
            double[] rets = tenThen(new double[] {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01});
            assertThat(run(rets, new Sizing.Kelly(0.005, 0.8)).trades().get(10).sizeFraction())
                    .isCloseTo(0.5, within(1e-12));
        }
    }

    @Nested
    class RangeAndEquity {

        @Test
        void historyBeforeFromIsIgnoredForDecisionsAndEquity() {
            BarSeries bars = TestBars.daily().flat(50).flat(60).flat(100).flat(100).flat(110).flat(120).series();
            SignalColumns s = enterAt(6, 0, 1, 3);
            BacktestResult r = Backtester.run(bars, SessionClock.of(bars), s, 2, 6, params());
            Trade t = only(r);
            assertThat(t.entryBar()).isEqualTo(4);
            assertThat(r.sessionEpochDays()).containsExactly(TestBars.START.plusDays(2).toEpochDay(),
                    TestBars.START.plusDays(3).toEpochDay(), TestBars.START.plusDays(4).toEpochDay(),
                    TestBars.START.plusDays(5).toEpochDay());
            assertThat(r.dailyEquity()).containsExactly(new double[] {100_000, 100_000, 100_000, 100_000 * 120 / 110.0},
                    within(1e-6));
            assertThat(r.exposureSessions()).isEqualTo(2);
            assertThat(r.metrics().exposure()).isEqualTo(0.5);
        }

        @Test
        void buyAndHoldWithoutCostsTracksCloseOverFirstFill() {
            TestBars b = TestBars.daily();
            java.util.Random rnd = new java.util.Random(42);
            double p = 100;
            int n = 60;
            for (int i = 0; i < n; i++) {
                double o = p * (1 + 0.01 * rnd.nextGaussian());
                double c = o * (1 + 0.015 * rnd.nextGaussian());
                b.bar(o, Math.max(o, c) * 1.005, Math.min(o, c) * 0.995, c);
                p = c;
            }
            BarSeries bars = b.series();
            BacktestResult r = Backtester.run(bars, SessionClock.of(bars), always(n), 0, n, params());
            double firstFill = bars.open()[1];
            assertThat(r.dailyEquity()[0]).isEqualTo(100_000);
            for (int i = 1; i < n; i++) {
                double expected = 100_000 * bars.close()[i] / firstFill;
                assertThat(r.dailyEquity()[i]).as("session %d", i).isCloseTo(expected, tol(expected));
            }
            assertThat(r.metrics().totalReturn()).isCloseTo(bars.close()[n - 1] / firstFill - 1, within(1e-12));
            assertThat(only(r).exitReason()).isEqualTo(ExitReason.END_OF_DATA);
            assertThat(r.exposureSessions()).isEqualTo(n - 1);
        }

        @Test
        void durationIsCalendarDaysAndExposureCountsTheRuleExitsFillSession() {
            TestBars b = TestBars.daily()
                    .barOn(LocalDate.of(2024, 1, 4), 100, 100, 100, 100)   // Thu: decide
                    .barOn(LocalDate.of(2024, 1, 5), 100, 100, 100, 100)   // Fri: fill, exit decided
                    .barOn(LocalDate.of(2024, 1, 8), 101, 101, 101, 101)   // Mon: exit fills at the open
                    .barOn(LocalDate.of(2024, 1, 9), 101, 101, 101, 101);
            BacktestResult r = run(b, signals(4, new int[] {0}, new int[] {1}), params());
            Trade t = only(r);
            assertThat(t.durationDays()).isEqualTo(3);
            assertThat(r.exposureSessions()).isEqualTo(2);
            assertThat(r.metrics().exposure()).isEqualTo(0.5);
            assertThat(r.metrics().avgTradeDurationDays()).isEqualTo(3.0);
        }

        @Test
        void intradaySessionsGiveOneEquityPointPerDay() {
            LocalDate a = LocalDate.of(2024, 1, 2);
            TestBars b = TestBars.hourly()
                    .barAt(a.atTime(9, 30), 100, 100, 100, 100)
                    .barAt(a.atTime(10, 30), 100, 100, 100, 100)
                    .barAt(a.atTime(15, 30), 100, 100, 100, 102)
                    .barAt(a.plusDays(1).atTime(9, 30), 103, 103, 103, 103)
                    .barAt(a.plusDays(1).atTime(10, 30), 104, 104, 104, 104);
            BacktestResult r = run(b, signals(5, new int[] {0}, new int[] {2}), params());
            Trade t = only(r);
            assertThat(t.exitBar()).isEqualTo(3);
            assertThat(t.exitPrice()).isCloseTo(103, tol(103));
            assertThat(t.durationDays()).isEqualTo(1);
            assertThat(r.dailyEquity()).containsExactly(new double[] {102_000, 103_000}, within(1e-6));
            assertThat(r.exposureSessions()).isEqualTo(2);
        }
    }

    @Nested
    class Validation {

        @Test
        void rejectsBadParameters() {
            Sizing s = new Sizing.FixedFraction(0.02);
            assertThatThrownBy(() -> new ExecutionParams(0.5, 1.0, 0, 0, 0, 2, 0, 0, 1e5, s))
                    .hasMessageContaining("stop_loss_pct");
            assertThatThrownBy(() -> new ExecutionParams(0.5, 0, 0, 0, 0, -1, 0, 0, 1e5, s))
                    .hasMessageContaining("slippage_bps");
            assertThatThrownBy(() -> new ExecutionParams(1.5, 0, 0, 0, 0, 2, 0, 0, 1e5, s))
                    .hasMessageContaining("threshold");
            assertThatThrownBy(() -> new ExecutionParams(0.5, 0, 0, 0, -1, 2, 0, 0, 1e5, s))
                    .hasMessageContaining("time_stop_days");
            assertThatThrownBy(() -> new ExecutionParams(0.5, 0, 0, 0, 0, 2, 0, 0, 0, s))
                    .hasMessageContaining("initial_capital");
            assertThatThrownBy(() -> new Sizing.FixedFraction(0)).hasMessageContaining("position_size_pct");
            assertThatThrownBy(() -> new Sizing.Kelly(0.1, 0.05)).hasMessageContaining("min_position_pct");
        }

        @Test
        void rejectsMismatchedColumnsAndEmptyRanges() {
            BarSeries bars = TestBars.daily().flat(100).flat(100).series();
            SessionClock clock = SessionClock.of(bars);
            assertThatThrownBy(() -> Backtester.run(bars, clock, always(3), 0, 2, params()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 rows");
            assertThatThrownBy(() -> Backtester.run(bars, clock, always(2), 1, 1, params()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
        }
    }
}
