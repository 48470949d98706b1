package com.sigmatiq.engine.backtest;

/** Why a trade closed. {@link #code()} is the int that {@link PositionState#onBar} returns. */
public enum ExitReason {
    /** The initial stop level was hit (at the open by a gap, or inside the bar). */
    STOP_LOSS("stop_loss"),
    /** The stop level was hit after the trailing stop had raised it. */
    TRAILING_STOP("trailing_stop"),
    /** The target level was hit (at the open by a gap, or inside the bar). */
    TAKE_PROFIT("take_profit"),
    /** Close of the last bar of the position's {@code time_stop_days}-th session. */
    TIME_STOP("time_stop"),
    /** An {@code exit_logic} line held at a close; filled at the next bar's open. */
    EXIT_SIGNAL("exit_signal"),
    /** Still open at the last bar of the range; closed at its close. */
    END_OF_DATA("end_of_data");

    private static final ExitReason[] BY_CODE = values();

    private final String id;

    ExitReason(String id) {
        this.id = id;
    }

    /** As written in JSON: {@code stop_loss}, {@code trailing_stop}, ... */
    public String id() {
        return id;
    }

    /** The primitive exit code (the ordinal) used by {@link PositionState}. */
    public int code() {
        return ordinal();
    }

    /** The reason for a primitive exit code from {@link PositionState#onBar}. */
    public static ExitReason ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("no exit reason has code " + code);
        }
        return BY_CODE[code];
    }

    @Override
    public String toString() {
        return id;
    }
}
