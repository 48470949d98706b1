package com.sigmatiq.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The state machine as a sweep runner or the paper simulator drives it, bar by bar. */
class PositionStateTest {

    @Test
    void exitCodesAreTheExitReasonCodes() {
        assertThat(PositionState.EXIT_STOP_LOSS).isEqualTo(ExitReason.STOP_LOSS.code());
        assertThat(PositionState.EXIT_TRAILING_STOP).isEqualTo(ExitReason.TRAILING_STOP.code());
        assertThat(PositionState.EXIT_TAKE_PROFIT).isEqualTo(ExitReason.TAKE_PROFIT.code());
        assertThat(PositionState.EXIT_TIME_STOP).isEqualTo(ExitReason.TIME_STOP.code());
        assertThat(PositionState.EXIT_SIGNAL).isEqualTo(ExitReason.EXIT_SIGNAL.code());
        assertThat(PositionState.EXIT_END_OF_DATA).isEqualTo(ExitReason.END_OF_DATA.code());
        assertThat(ExitReason.ofCode(1).id()).isEqualTo("trailing_stop");
    }

    @Test
    void levelsStartFromTheFillAndTheTrailRisesOnlyAfterTheBar() {
        PositionState s = new PositionState(0.08, 0.16, 0.05, 10);
        s.enter(5, 2, 100, 10, 0, 0.02);
        assertThat(s.stop()).isCloseTo(92, within(1e-12));
        assertThat(s.target()).isCloseTo(116, within(1e-12));
        assertThat(s.peak()).isEqualTo(100);
        assertThat(s.onBar(5, 100, 110, 99, 109, 2, false, false, false)).isEqualTo(PositionState.NO_EXIT);
        assertThat(s.peak()).isEqualTo(110);
        assertThat(s.stop()).isCloseTo(104.5, within(1e-12));
        assertThat(s.stopRaised()).isTrue();
        // next bar: an exit signal at the close is remembered, the position stays open
        assertThat(s.onBar(6, 109, 109, 105, 106, 2, false, true, false)).isEqualTo(PositionState.NO_EXIT);
        assertThat(s.isOpen()).isTrue();
        assertThat(s.exitPending()).isTrue();
        // and fills at the following open even though that open is below the raised stop
        assertThat(s.onBar(7, 100, 101, 99, 100, 3, false, false, false)).isEqualTo(PositionState.EXIT_SIGNAL);
        assertThat(s.exitPrice()).isEqualTo(100);
        assertThat(s.isOpen()).isFalse();
        assertThat(s.entryBar()).isEqualTo(5); // the closed trade's fields stay readable
    }

    @Test
    void zeroTurnsEveryExitOff() {
        PositionState s = new PositionState(0, 0, 0, 0);
        s.enter(0, 0, 100, 1, 0, 1);
        assertThat(s.stop()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(s.target()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.onBar(0, 100, 1e9, 1e-9, 50, 0, true, false, false)).isEqualTo(PositionState.NO_EXIT);
        assertThat(s.onBar(1, 1e-9, 1e9, 1e-9, 50, 1, true, false, true)).isEqualTo(PositionState.EXIT_END_OF_DATA);
    }

    @Test
    void fillModelPricesAndCommission() {
        assertThat(NextOpenFillModel.buyPrice(200, 2)).isCloseTo(200.04, within(1e-12));
        assertThat(NextOpenFillModel.sellPrice(200, 2)).isCloseTo(199.96, within(1e-12));
        assertThat(NextOpenFillModel.commission(100, 1.0, 0.005)).isCloseTo(1.5, within(1e-12));
    }
}
