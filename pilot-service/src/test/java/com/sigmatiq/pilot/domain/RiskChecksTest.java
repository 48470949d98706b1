package com.sigmatiq.pilot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DESIGN §7's checks, each alone and in their order; the quantity is min(alert quantity, floor(max_position_size / price)). */
class RiskChecksTest {

    static final Limits LIMITS = new Limits(50_000, 1_000, 3, 500, 10, 5);

    /** A BUY of 22 at $453.50 that passes every check (seed 8.1's caps). */
    static RiskChecks.Context ok() {
        return new RiskChecks.Context(false, false, "live", true, LIMITS, 1_000, 50_000, true, 22, 453.50, 0, 0, 0, 0,
                450.00, 0);
    }

    static RiskChecks.Context with(java.util.function.UnaryOperator<Object[]> change) {
        RiskChecks.Context c = ok();
        Object[] v = {c.globalKill(), c.accountKill(), c.publicationStatus(), c.approved(), c.limits(), c.maxPositionSize(),
                c.maxCapital(), c.buy(), c.alertQuantity(), c.price(), c.heldQuantity(), c.openPositions(), c.capitalInUse(),
                c.lossToday(), c.lastClose(), c.ordersLastMinute()};
        v = change.apply(v);
        return new RiskChecks.Context((boolean) v[0], (boolean) v[1], (String) v[2], (boolean) v[3], (Limits) v[4],
                (double) v[5], (double) v[6], (boolean) v[7], (long) v[8], (double) v[9], (long) v[10], (int) v[11],
                (double) v[12], (double) v[13], (double) v[14], (int) v[15]);
    }

    static String refusedBy(RiskChecks.Context c) {
        return RiskChecks.check(c).check();
    }

    @Test
    void anOrderWithinEveryLimitIsCutToTheMaxPositionSize() {
        RiskChecks.Outcome o = RiskChecks.check(ok());
        assertThat(o.refused()).isFalse();
        assertThat(o.quantity()).isEqualTo(2);   // floor(1000 / 453.50) = 2 < 22
        assertThat(RiskChecks.check(with(v -> { v[8] = 1L; return v; })).quantity()).isEqualTo(1);
    }

    @Test
    void eachCheckRefusesWithItsName() {
        assertThat(refusedBy(with(v -> { v[0] = true; return v; }))).isEqualTo(RiskChecks.KILL_SWITCH);
        assertThat(refusedBy(with(v -> { v[1] = true; return v; }))).isEqualTo(RiskChecks.KILL_SWITCH);
        assertThat(refusedBy(with(v -> { v[2] = "paper_complete"; return v; }))).isEqualTo(RiskChecks.MODEL_LIVE);
        assertThat(refusedBy(with(v -> { v[3] = false; return v; }))).isEqualTo(RiskChecks.MODEL_LIVE);
        assertThat(refusedBy(with(v -> { v[9] = 1_000.01; v[14] = 1_000.0; return v; }))).isEqualTo(RiskChecks.POSITION_SIZE);
        assertThat(refusedBy(with(v -> { v[11] = 3; return v; }))).isEqualTo(RiskChecks.OPEN_POSITIONS);
        assertThat(refusedBy(with(v -> { v[12] = 49_100.0; return v; }))).isEqualTo(RiskChecks.CAPITAL);
        assertThat(refusedBy(with(v -> { v[13] = 500.0; return v; }))).isEqualTo(RiskChecks.DAILY_LOSS);
        assertThat(refusedBy(with(v -> { v[14] = 431.0; return v; }))).isEqualTo(RiskChecks.PRICE_BAND);
        assertThat(refusedBy(with(v -> { v[14] = Double.NaN; return v; }))).isEqualTo(RiskChecks.PRICE_BAND);
        assertThat(refusedBy(with(v -> { v[15] = 10; return v; }))).isEqualTo(RiskChecks.ORDER_RATE);
    }

    @Test
    void limitsAtTheirEdgePass() {
        assertThat(refusedBy(with(v -> { v[12] = 50_000 - 2 * 453.50; return v; }))).isNull();   // capital exactly used up
        assertThat(refusedBy(with(v -> { v[13] = 499.99; return v; }))).isNull();
        assertThat(refusedBy(with(v -> { v[14] = 453.50 / 1.05; return v; }))).isNull();          // 5% above the close
        assertThat(refusedBy(with(v -> { v[15] = 9; return v; }))).isNull();
        assertThat(refusedBy(with(v -> { v[11] = 3; v[10] = 5L; return v; }))).isNull();           // adds to a held position
    }

    @Test
    void theFirstFailingCheckInDesignOrderNamesTheRefusal() {
        RiskChecks.Context all = with(v -> { v[1] = true; v[2] = "paused"; v[11] = 3; v[13] = 900.0; v[15] = 99; return v; });
        assertThat(refusedBy(all)).isEqualTo(RiskChecks.KILL_SWITCH);
        assertThat(refusedBy(with(v -> { v[2] = "paused"; v[11] = 3; v[13] = 900.0; return v; }))).isEqualTo(RiskChecks.MODEL_LIVE);
        assertThat(refusedBy(with(v -> { v[11] = 3; v[13] = 900.0; return v; }))).isEqualTo(RiskChecks.OPEN_POSITIONS);
        assertThat(refusedBy(with(v -> { v[13] = 900.0; v[15] = 99; return v; }))).isEqualTo(RiskChecks.DAILY_LOSS);
    }

    @Test
    void aSellSellsTheHeldPositionAndIsNotCappedBySize() {
        RiskChecks.Outcome o = RiskChecks.check(with(v -> { v[7] = false; v[8] = 0L; v[10] = 40L; v[11] = 3; return v; }));
        assertThat(o.refused()).isFalse();
        assertThat(o.quantity()).isEqualTo(40);
        assertThat(refusedBy(with(v -> { v[7] = false; v[8] = 0L; v[10] = 0L; return v; }))).isEqualTo(RiskChecks.POSITION_SIZE);
    }
}
