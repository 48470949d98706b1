package com.sigmatiq.localbroker.domain;

import static com.sigmatiq.localbroker.domain.BrokerOrder.OrderType.LIMIT;
import static com.sigmatiq.localbroker.domain.BrokerOrder.OrderType.MARKET;
import static com.sigmatiq.localbroker.domain.BrokerOrder.OrderType.STOP;
import static com.sigmatiq.localbroker.domain.BrokerOrder.Side.BUY;
import static com.sigmatiq.localbroker.domain.BrokerOrder.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MatchingTest {

    /** open 100, high 102, low 98, close 101 */
    private static final Bar BAR = new Bar("live", "SPY", "5m", Instant.parse("2011-03-01T14:30:00Z"), 100, 102, 98, 101);

    @Test
    void aMarketOrderFillsAtTheOpenEitherWay() {
        assertThat(Matching.fillPrice(BUY, MARKET, null, null, BAR)).hasValue(100);
        assertThat(Matching.fillPrice(SELL, MARKET, null, null, BAR)).hasValue(100);
    }

    @Test
    void aBuyLimitFillsWhenTheLowReachesItAtTheBetterOfOpenAndLimit() {
        assertThat(Matching.fillPrice(BUY, LIMIT, 99.0, null, BAR)).hasValue(99);
        assertThat(Matching.fillPrice(BUY, LIMIT, 98.0, null, BAR)).hasValue(98);     // touched exactly
        assertThat(Matching.fillPrice(BUY, LIMIT, 97.99, null, BAR)).isEqualTo(OptionalDouble.empty());
        assertThat(Matching.fillPrice(BUY, LIMIT, 105.0, null, BAR)).hasValue(100);   // opens below the limit
    }

    @Test
    void aSellLimitFillsWhenTheHighReachesItAtTheBetterOfOpenAndLimit() {
        assertThat(Matching.fillPrice(SELL, LIMIT, 101.5, null, BAR)).hasValue(101.5);
        assertThat(Matching.fillPrice(SELL, LIMIT, 102.01, null, BAR)).isEqualTo(OptionalDouble.empty());
        assertThat(Matching.fillPrice(SELL, LIMIT, 95.0, null, BAR)).hasValue(100);   // opens above the limit
    }

    @Test
    void aStopFillsWhenTheBarReachesItAtTheWorseOfOpenAndStop() {
        assertThat(Matching.fillPrice(BUY, STOP, null, 101.0, BAR)).hasValue(101);
        assertThat(Matching.fillPrice(BUY, STOP, null, 99.0, BAR)).hasValue(100);     // gapped through
        assertThat(Matching.fillPrice(BUY, STOP, null, 102.5, BAR)).isEqualTo(OptionalDouble.empty());
        assertThat(Matching.fillPrice(SELL, STOP, null, 99.0, BAR)).hasValue(99);
        assertThat(Matching.fillPrice(SELL, STOP, null, 101.0, BAR)).hasValue(100);   // gapped through
        assertThat(Matching.fillPrice(SELL, STOP, null, 97.5, BAR)).isEqualTo(OptionalDouble.empty());
    }
}
