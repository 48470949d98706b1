package com.sigmatiq.engine.training;

import static com.sigmatiq.engine.training.ProbeBars.EXIT;
import static com.sigmatiq.engine.training.ProbeBars.FULL;
import static com.sigmatiq.engine.training.ProbeBars.HALF;
import static com.sigmatiq.engine.training.ProbeBars.NONE;
import static com.sigmatiq.engine.training.ProbeBars.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sigmatiq.engine.backtest.ExitReason;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.run.StrategyBacktest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Samples, labels, event spans, features and the split on hand-built bars of the {@link ProbeBars} pack; every
 * expected number follows from DESIGN §4 and §6 by hand (100,000 at 100% buys 1,000 shares at 100; no slippage
 * or commission unless a test sets them).
 */
class TrainingDatasetTest {

    /** Prices and returns, scaled: 1e-12 × max(1, |x|). */
    static Offset<Double> tol(double expected) {
        return within(1e-12 * Math.max(1, Math.abs(expected)));
    }

    /** Two warm-up bars (the exit line's ema_3 is ready from bar 2), then a candidate at bar 2 entering at 100. */
    static ProbeBars candidateAtBar2() {
        return ProbeBars.daily().flat(100, NONE).flat(100, NONE).flat(100, HALF);
    }

    static void assertOneSample(TrainingDataset d, int decision, int exit, double exitPrice, ExitReason reason,
                                double ret, int label) {
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.unresolvedCount()).isZero();
        assertThat(d.decisionBar()).containsExactly(decision);
        assertThat(d.entryBar()).containsExactly(decision + 1);
        assertThat(d.exitBar()).containsExactly(exit);
        assertThat(d.entryPrice()[0]).isCloseTo(100, tol(100));
        assertThat(d.exitPrice()[0]).isCloseTo(exitPrice, tol(exitPrice));
        assertThat(d.exitReason(0)).isEqualTo(reason);
        assertThat(d.netReturn()[0]).isCloseTo(ret, tol(ret));
        assertThat(d.labels()).containsExactly(label);
    }

    @Nested
    class Labels {

        @Test
        void stopLossExitsAtTheStopLevelAndLabelsZero() {
            // bar 3 (entry bar) stays inside 92..110; bar 4's low 91 reaches the stop 92
            ProbeBars b = candidateAtBar2().bar(100, 101, 99, 100, NONE).bar(99, 100, 91, 95, NONE).flat(95, NONE);
            TrainingDataset d = b.build(config(), 0);
            assertOneSample(d, 2, 4, 92, ExitReason.STOP_LOSS, -0.08, 0);
            BarSeries s = b.series();
            assertThat(d.decisionTime()).containsExactly(s.time()[2]);
            assertThat(d.entryTime()).containsExactly(s.time()[3]);
            assertThat(d.exitTime()).containsExactly(s.time()[4]);
        }

        @Test
        void takeProfitExitsAtTheTargetAndLabelsOne() {
            ProbeBars b = candidateAtBar2().bar(100, 101, 99, 100, NONE).bar(101, 111, 100, 105, NONE).flat(105, NONE);
            assertOneSample(b.build(config(), 0), 2, 4, 110, ExitReason.TAKE_PROFIT, 0.10, 1);
        }

        @Test
        void trailingStopRatchetsFromTheNextBar() {
            // bar 3: peak 104 → stop 98.8; bar 4: low 99 holds, peak 106 → stop 100.7 from bar 5; bar 5: low 100.5 exits
            ProbeBars b = candidateAtBar2().bar(100, 104, 99, 103, NONE).bar(103, 106, 99, 105, NONE)
                    .bar(105, 105, 100.5, 101, NONE).flat(101, NONE);
            assertOneSample(b.build(config("trailing_stop_pct", 5), 0), 2, 5, 100.7, ExitReason.TRAILING_STOP, 0.007, 1);
        }

        @Test
        void timeStopExitsAtTheCloseOfTheLastSession() {
            // entry bar 3 is the first of three sessions: the time stop exits at bar 5's close, 102
            ProbeBars b = candidateAtBar2().flat(100, NONE).flat(101, NONE).bar(101, 102, 100, 102, NONE).flat(102, NONE);
            assertOneSample(b.build(config("time_stop_days", 3), 0), 2, 5, 102, ExitReason.TIME_STOP, 0.02, 1);
        }

        @Test
        void ruleExitFillsAtTheNextOpen() {
            // an exit line holds at bar 4's close: out at bar 5's open, 104; bar 4 is no sample (its exit line holds)
            ProbeBars b = candidateAtBar2().flat(100, NONE).flat(103, EXIT).bar(104, 105, 103, 104, NONE);
            assertOneSample(b.build(config(), 0), 2, 5, 104, ExitReason.EXIT_SIGNAL, 0.04, 1);
        }

        @Test
        void aRuleExitWhoseOpenGapsThroughTheTargetStaysARuleExit() {
            ProbeBars b = candidateAtBar2().flat(100, NONE).flat(103, EXIT).bar(111, 112, 110, 111, NONE);
            assertOneSample(b.build(config(), 0), 2, 5, 111, ExitReason.EXIT_SIGNAL, 0.11, 1);
        }

        @Test
        void slippageAndCommissionsAreCosts() {
            // time stop 1: in at bar 3's open 100, out at its close 100.1: +0.1% gross
            ProbeBars b = candidateAtBar2().bar(100, 100.1, 100, 100.1, NONE).flat(100.1, NONE);
            assertOneSample(b.build(config("time_stop_days", 1), 0), 2, 3, 100.1, ExitReason.TIME_STOP, 0.001, 1);
            // 100 per order on 1,000 shares: pnl 100,100 − 100,000 − 200 = −100 on 100,000
            TrainingDataset d = b.build(config("time_stop_days", 1, "commission_per_order", 100), 0);
            assertThat(d.netReturn()[0]).isCloseTo(-0.001, tol(0.001));
            assertThat(d.labels()).containsExactly(0);
            // without position_size_pct the label's size is max_position_pct (the pack's 5%): 50 shares,
            // pnl 50 × 0.1 − 200 = −195 on 5,000
            TrainingDataset kelly = b.build(config("time_stop_days", 1, "commission_per_order", 100,
                    "position_size_pct", null), 0);
            assertThat(kelly.labelFraction()).isEqualTo(0.05);
            assertThat(kelly.netReturn()[0]).isCloseTo(-0.039, tol(0.039));
            // 10 bps slippage: buy 100.1, sell 100.1 × 0.999 = 99.9999: a loss
            TrainingDataset slipped = b.build(config("time_stop_days", 1, "slippage_bps", 10), 0);
            assertThat(slipped.entryPrice()[0]).isCloseTo(100.1, tol(100.1));
            assertThat(slipped.exitPrice()[0]).isCloseTo(100.1 * 0.999, tol(100));
            assertThat(slipped.netReturn()[0]).isCloseTo(0.999 - 1, tol(0.001));
            assertThat(slipped.labels()).containsExactly(0);
        }

        @Test
        void aZeroNetReturnIsLabelledZero() {
            ProbeBars b = candidateAtBar2().flat(100, NONE).flat(100, NONE);
            TrainingDataset d = b.build(config("time_stop_days", 1), 0);
            assertOneSample(d, 2, 3, 100, ExitReason.TIME_STOP, 0, 0);
        }
    }

    @Nested
    class Unresolved {

        @Test
        void aTradeStillOpenAtTheLastBarAndADecisionAtTheLastBarAreLeftOutAndCounted() {
            // nothing ever exits the trade of bar 2; bar 5 is the data's last bar: nothing to enter on
            ProbeBars b = candidateAtBar2().flat(100, NONE).flat(100, NONE).flat(100, HALF);
            TrainingDataset d = b.build(config(), 0);
            assertThat(d.size()).isZero();
            assertThat(d.unresolvedBars()).containsExactly(2, 5);
            assertThat(d.features()).isEmpty();
        }

        @Test
        void aRuleExitDecidedAtTheLastCloseHasNoOpenToFillAt() {
            ProbeBars b = candidateAtBar2().flat(100, NONE).flat(103, EXIT);
            assertThat(b.build(config(), 0).unresolvedBars()).containsExactly(2);
            b.bar(104, 105, 103, 104, NONE); // one more bar resolves it
            assertOneSample(b.build(config(), 0), 2, 5, 104, ExitReason.EXIT_SIGNAL, 0.04, 1);
        }

        @Test
        void aTradeRunsPastTheRangesEndOnTheBarsTheDataHas() {
            // decisions only at bars 0..3; bar 2's trade exits at bar 5's open, after the range
            ProbeBars b = candidateAtBar2().flat(100, NONE).flat(103, EXIT).bar(104, 105, 103, 104, HALF).flat(104, NONE);
            BarSeries s = b.series();
            TrainingDataset d = TrainingDataset.build(config(), s, 0, 4, DatasetOptions.defaults().withTestSize(0));
            assertOneSample(d, 2, 5, 104, ExitReason.EXIT_SIGNAL, 0.04, 1);
            assertThat(d.from()).isZero();
            assertThat(d.to()).isEqualTo(4);
        }
    }

    @Nested
    class Samples {

        /** Bars 0, 1 full score (warm-up), 2 half, 3 full, 4 none, 5 exit, 6 none, 7 none; time stop 1. */
        ProbeBars mixed() {
            return ProbeBars.daily().flat(100, FULL).flat(100, FULL).flat(100, HALF).flat(100, FULL).flat(100, NONE)
                    .flat(100, EXIT).flat(100, NONE).flat(100, NONE);
        }

        TrainingDataset build(double floor) {
            BarSeries s = mixed().series();
            return TrainingDataset.build(config("time_stop_days", 1), s, 0, s.size(),
                    DatasetOptions.defaults().withCandidateFloor(floor));
        }

        @Test
        void candidatesArePastWarmUpAtOrAboveTheFloorAndFreeOfExitLines() {
            TrainingDataset d = build(0.5);
            assertThat(d.decisionBar()).containsExactly(2, 3);
            assertThat(d.unresolvedCount()).isZero();
            int score = d.schema().indexOf(FeatureSchema.ENTRY_SCORE);
            assertThat(d.feature(0, score)).isEqualTo(0.5f);
            assertThat(d.feature(1, score)).isEqualTo(1f);
        }

        @Test
        void theFloorIsSettable() {
            assertThat(build(1).decisionBar()).containsExactly(3);
            TrainingDataset all = build(0);
            assertThat(all.decisionBar()).containsExactly(2, 3, 4, 6);
            assertThat(all.unresolvedBars()).containsExactly(7);
        }

        @Test
        void theThresholdPlaysNoPart() {
            BarSeries s = mixed().series();
            TrainingDataset d = TrainingDataset.build(config("time_stop_days", 1, "threshold", 1), s, 0, s.size(),
                    DatasetOptions.defaults());
            assertThat(d.decisionBar()).containsExactly(2, 3);
        }

        @Test
        void overlappingSamplesEachGetTheirOwnTrade() {
            // A decided at 2 (in at 100: stop 92, target 110), B at 3 (in at 105: stop 96.6, target 115.5),
            // C at 4 (in at 108: stop 99.36, target 118.8). Bar 5's high 111 takes A's target; bar 6's low 97
            // takes C's stop but not B's; an exit line at bar 7's close takes B out at bar 8's open, 98.
            ProbeBars b = ProbeBars.daily().flat(100, NONE).flat(100, NONE).flat(100, HALF).flat(100, FULL)
                    .bar(105, 106, 104, 105, HALF).bar(108, 111, 107, 108, NONE).bar(100, 101, 97, 99, NONE)
                    .flat(99, EXIT).flat(98, NONE);
            TrainingDataset d = b.build(config(), 0);
            assertThat(d.decisionBar()).containsExactly(2, 3, 4);
            assertThat(d.entryBar()).containsExactly(3, 4, 5);
            assertThat(d.exitBar()).containsExactly(5, 8, 6);
            assertThat(d.entryPrice()).containsExactly(new double[] {100, 105, 108}, within(1e-12));
            assertThat(d.exitPrice()).containsExactly(new double[] {110, 98, 108 * 0.92}, within(1e-12));
            assertThat(List.of(d.exitReason(0), d.exitReason(1), d.exitReason(2)))
                    .containsExactly(ExitReason.TAKE_PROFIT, ExitReason.EXIT_SIGNAL, ExitReason.STOP_LOSS);
            assertThat(d.netReturn()).containsExactly(new double[] {0.10, 98.0 / 105 - 1, -0.08}, within(1e-12));
            assertThat(d.labels()).containsExactly(1, 0, 0);
            assertThat(d.positives()).isEqualTo(1);

            // the backtest, flat only, takes A alone: the same trade
            BarSeries s = b.series();
            List<Trade> trades = StrategyBacktest.run(config(), s, 0, s.size(), Map.of()).result().trades();
            assertThat(trades).hasSize(1);
            Trade t = trades.get(0);
            assertThat(t.entryBar()).isEqualTo(d.entryBar()[0]);
            assertThat(t.exitBar()).isEqualTo(d.exitBar()[0]);
            assertThat(t.entryPrice()).isEqualTo(d.entryPrice()[0]);
            assertThat(t.exitPrice()).isEqualTo(d.exitPrice()[0]);
            assertThat(t.exitReason()).isEqualTo(d.exitReason(0));
            assertThat(t.returnFraction()).isEqualTo(d.netReturn()[0]);
        }

        @Test
        void onIntradayBarsOnlyAllowedHoursOfTheRegularSessionDecide() {
            // Tuesday 2024-01-02: two warm-up bars; Wednesday 2024-01-03: 08:00 (pre-market), 09:30, 10:30,
            // 12:30, 15:30, 19:00 (post-market: it ends at 20:00, the end of late trading, so it closes the session)
            ProbeBars b = ProbeBars.hourly()
                    .barAt(LocalDateTime.of(2024, 1, 2, 10, 30), 100, 100, 100, 100, NONE)
                    .barAt(LocalDateTime.of(2024, 1, 2, 11, 30), 102, 102, 102, 102, NONE)
                    .barAt(LocalDateTime.of(2024, 1, 3, 8, 0), 104, 104, 104, 104, FULL)
                    .barAt(LocalDateTime.of(2024, 1, 3, 9, 30), 105, 107, 104, 106, FULL)
                    .barAt(LocalDateTime.of(2024, 1, 3, 10, 30), 106, 106, 106, 106, HALF)
                    .barAt(LocalDateTime.of(2024, 1, 3, 12, 30), 107, 107, 107, 107, FULL)
                    .barAt(LocalDateTime.of(2024, 1, 3, 15, 30), 108, 108, 108, 108, NONE)
                    .barAt(LocalDateTime.of(2024, 1, 3, 19, 0), 109, 109, 109, 109, FULL);
            TrainingDataset morning = b.build(config("allowed_hours", "morning_only", "time_stop_days", 1), 0);
            assertThat(morning.decisionBar()).containsExactly(3, 4);
            // time stop 1: both exit at the close of the bar that closes the session (19:00, post-market included)
            assertThat(morning.exitBar()).containsExactly(7, 7);
            assertThat(morning.exitReason(0)).isEqualTo(ExitReason.TIME_STOP);
            assertThat(morning.exitPrice()[0]).isEqualTo(109);
            assertThat(morning.featureNames()).containsExactly("range_pct", "up_bar", "ema_3", "entry_score",
                    "hour_of_day", "day_of_week");
            // bar 3: range (107 − 104) / 106, up bar, ema_3 = 102 + 0.5 × (106 − 102) with the seed (100+102+104)/3,
            // score 1, hour 9, Wednesday
            assertThat(rowOf(morning, 0)).containsExactly((float) (3.0 / 106), 1f, 104f, 1f, 9f, 3f);
            assertThat(rowOf(morning, 1)).containsExactly(0f, 0f, 105f, 0.5f, 10f, 3f);
            // all day adds 12:30, never 08:00 or 19:00
            assertThat(b.build(config("allowed_hours", "all_day", "time_stop_days", 1), 0).decisionBar())
                    .containsExactly(3, 4, 5);
        }

        @Test
        void dailyBarsHaveHourZeroAndTheirDatesWeekday() {
            ProbeBars b = candidateAtBar2().bar(100, 101, 99, 100, NONE).bar(99, 100, 91, 95, NONE);
            TrainingDataset d = b.build(config(), 0);
            // bar 2 is 2024-01-03, a Wednesday
            assertThat(d.feature(0, d.schema().indexOf(FeatureSchema.HOUR_OF_DAY))).isZero();
            assertThat(d.feature(0, d.schema().indexOf(FeatureSchema.DAY_OF_WEEK))).isEqualTo(3f);
            assertThat(TrainingDataset.dayOfWeek(java.time.LocalDate.of(2024, 1, 7).toEpochDay())).isEqualTo(7);
            assertThat(TrainingDataset.dayOfWeek(java.time.LocalDate.of(1969, 12, 29).toEpochDay())).isEqualTo(1);
        }

        @Test
        void theSelectionChoosesColumnsButNotTheirOrder() {
            ProbeBars b = candidateAtBar2().bar(100, 101, 99, 100, NONE).bar(99, 100, 91, 95, NONE);
            BarSeries s = b.series();
            TrainingDataset d = TrainingDataset.build(config(), s, 0, s.size(),
                    DatasetOptions.defaults().withSelection(List.of("ema_3"), List.of("up_bar", "range_pct")));
            assertThat(d.featureNames()).containsExactly("range_pct", "up_bar", "ema_3", "entry_score", "hour_of_day",
                    "day_of_week");
            TrainingDataset none = TrainingDataset.build(config(), s, 0, s.size(),
                    DatasetOptions.defaults().withSelection(List.of(), List.of("up_bar")));
            assertThat(none.featureNames()).containsExactly("up_bar", "entry_score", "hour_of_day", "day_of_week");
            assertThat(none.features()).hasSize(4);
            assertThatThrownBy(() -> TrainingDataset.build(config(), s, 0, s.size(),
                    DatasetOptions.defaults().withSelection(null, List.of("up_bars"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown feature 'up_bars'").hasMessageContaining("did you mean up_bar");
        }
    }

    static float[] rowOf(TrainingDataset d, int sample) {
        return d.features(new int[] {sample});
    }

    @Nested
    class SplitAndPurge {

        /**
         * Ten candidates at bars 2..11 on flat prices; time stop 2, so each trade exits at the close of the bar after
         * its entry: event span [t, t + 2].
         */
        TrainingDataset tenSamples(double testSize) {
            ProbeBars b = ProbeBars.daily().flat(100, NONE).flat(100, NONE);
            for (int i = 0; i < 10; i++) {
                b.flat(100, HALF);
            }
            b.flat(100, NONE).flat(100, NONE);
            return b.build(config("time_stop_days", 2), testSize);
        }

        @Test
        void theNewestAreValidationAndTrainingSpansReachingIntoItArePurged() {
            TrainingDataset d = tenSamples(0.3);
            assertThat(d.decisionBar()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            assertThat(d.exitBar()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
            // validation: decisions 9, 10, 11; the first validation decision is bar 9: the span ending at 9 (decided
            // at 7) and the one ending at 10 (decided at 8) are purged; the one ending at 8 is kept
            List<Split> splits = new java.util.ArrayList<>();
            for (int i = 0; i < d.size(); i++) {
                splits.add(d.split(i));
            }
            assertThat(splits).containsExactly(Split.TRAIN, Split.TRAIN, Split.TRAIN, Split.TRAIN, Split.TRAIN,
                    Split.PURGED, Split.PURGED, Split.VALIDATION, Split.VALIDATION, Split.VALIDATION);
            assertThat(d.count(Split.TRAIN)).isEqualTo(5);
            assertThat(d.count(Split.PURGED)).isEqualTo(2);
            assertThat(d.count(Split.VALIDATION)).isEqualTo(3);
            assertThat(d.rows(Split.PURGED)).containsExactly(5, 6);
            assertThat(d.rows(Split.VALIDATION)).containsExactly(7, 8, 9);
            int[] train = d.rows(Split.TRAIN);
            assertThat(d.features(train)).hasSize(5 * d.featureCount());
            assertThat(d.labels(train)).containsExactly(0f, 0f, 0f, 0f, 0f);
        }

        @Test
        void testSizeZeroKeepsEverySampleForTraining() {
            TrainingDataset d = tenSamples(0);
            assertThat(d.count(Split.TRAIN)).isEqualTo(10);
        }

        @Test
        void validationCountIsTheDecimalCeiling() {
            assertThat(Math.ceil(0.07 * 100)).isEqualTo(8); // why the product is taken in decimal: 7.000000000000001
            assertThat(TrainingDataset.validationCount(100, 0.07)).isEqualTo(7);
            assertThat(TrainingDataset.validationCount(10, 0.3)).isEqualTo(3);
            assertThat(TrainingDataset.validationCount(10, 0.2)).isEqualTo(2);
            assertThat(TrainingDataset.validationCount(7, 0.2)).isEqualTo(2);
            assertThat(TrainingDataset.validationCount(1, 0.2)).isEqualTo(1);
            assertThat(TrainingDataset.validationCount(0, 0.2)).isZero();
            assertThat(TrainingDataset.validationCount(10, 0)).isZero();
        }
    }

    @Test
    void optionsAndRangeAreChecked() {
        assertThatThrownBy(() -> DatasetOptions.defaults().withTestSize(1)).hasMessageContaining("test_size");
        assertThatThrownBy(() -> DatasetOptions.defaults().withCandidateFloor(1.5)).hasMessageContaining("candidate floor");
        BarSeries s = candidateAtBar2().series();
        assertThatThrownBy(() -> TrainingDataset.build(config(), s, 2, 2, DatasetOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
    }
}
