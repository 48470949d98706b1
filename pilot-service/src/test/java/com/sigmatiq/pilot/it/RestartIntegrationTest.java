package com.sigmatiq.pilot.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.pilot.domain.BrokerConnections;
import com.sigmatiq.pilot.domain.LiveOrder;
import com.sigmatiq.pilot.domain.LiveTrading;
import com.sigmatiq.pilot.domain.OrderState;
import com.sigmatiq.pilot.domain.OrderStore;
import com.sigmatiq.pilot.domain.OrderTicket;
import com.sigmatiq.pilot.support.FixTestBroker.Behaviour;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What a restart finds in each window a crash can leave, and what it does: every connection is closed (as a dead
 * process leaves them) and the start-up round ({@link LiveTrading#resume(Duration)} with no grace) runs. Each client
 * order id reaches the broker once, fills are counted once, and our state ends equal to the broker's. In-process and
 * quick; {@link CrashIntegrationTest} kills a separate JVM in the same windows.
 */
class RestartIntegrationTest extends LiveTradingTestBase {

    @Autowired
    LiveTrading trading;

    @Autowired
    OrderStore orders;

    @Autowired
    BrokerConnections connections;

    void restart() {
        connections.close();
        trading.resume(Duration.ZERO);
    }

    @Test
    void anOrderStoredButNotSentIsLookedUpThenSentOnce() throws Exception {
        BROKER.behave(Behaviour.FILL);
        Live l = live(null, 100.00);
        String alert = "alert_" + l.publishedId() + "_stored_buy";
        Instant now = Instant.now();
        orders.insertOrder(new LiveOrder("ORD_stored_" + l.accountId().substring(4), alert, l.accountId(), l.user().id(),
                l.publishedId(), l.ticker(), OrderTicket.Side.BUY, 3, OrderTicket.OrderType.LIMIT, 100.00,
                OrderTicket.TimeInForce.DAY, 100.00, OrderState.PENDING_NEW, null, 0, Double.NaN, 0, null, now, null, now, null));
        restart();
        JsonNode o = orderOf(l, alert, x -> "filled".equals(x.path("state").asString()));
        assertThat(o.path("history").findValuesAsString("kind")).contains("stored", "lookup");
        restart();
        assertThat(BROKER.received(alert)).isEqualTo(1);
    }

    @Test
    void anOrderStoredButNotSentWhoseAlertWentStaleIsExpiredNotSent() throws Exception {
        BROKER.behave(Behaviour.FILL);
        Live l = live(null, 100.00);
        String alert = "alert_" + l.publishedId() + "_stale_buy";
        Instant now = Instant.now();
        orders.insertOrder(new LiveOrder("ORD_stale_" + l.accountId().substring(4), alert, l.accountId(), l.user().id(),
                l.publishedId(), l.ticker(), OrderTicket.Side.BUY, 3, OrderTicket.OrderType.LIMIT, 100.00,
                OrderTicket.TimeInForce.DAY, 100.00, OrderState.PENDING_NEW, null, 0, Double.NaN, 0, null,
                now.minusSeconds(900), null, now.minusSeconds(900), now.minusSeconds(600)));
        restart();
        JsonNode o = orderOf(l, alert, x -> "expired".equals(x.path("state").asString()));
        assertThat(o.path("history").findValuesAsString("kind")).contains("stored", "expired");
        restart();
        assertThat(BROKER.received(alert)).isZero();
        assertThat(BROKER.order(alert)).isNull();
    }

    @Test
    void anOrderSentButNotAcknowledgedIsFoundAtTheBrokerAndNotSentAgain() throws Exception {
        BROKER.behave(Behaviour.SILENT);
        Live l = live(null, 100.00);
        String alert = buy(l, 3, 100.00);
        // sent, the broker silent; the periodic round (every minute, in this context too) may look it up first, in
        // which case it is acknowledged already: the restart's lookup must then leave it as it is
        orderOf(l, alert, x -> x.path("history").findValuesAsString("kind").contains("sent"));
        restart();
        JsonNode o = orderOf(l, alert, x -> "acknowledged".equals(x.path("state").asString()));
        assertThat(o.path("history").findValuesAsString("kind")).as("found by a lookup").contains("status");
        assertThat(o.path("broker_order_id").asString()).isEqualTo(BROKER.order(alert).orderId);
        assertThat(BROKER.received(alert)).isEqualTo(1);
    }

    @Test
    void aFillWhileDownIsRecoveredOnceBetweenTwoPartialFills() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live(null, 100.00);
        String alert = buy(l, 6, 100.00);
        orderOf(l, alert, x -> "acknowledged".equals(x.path("state").asString()));
        BROKER.fill(alert, 2);
        orderOf(l, alert, x -> x.path("execution").path("filled_quantity").asLong() == 2);
        connections.close();                 // down
        BROKER.fill(alert, 4);               // filled at the broker meanwhile; the report waits in its store
        trading.resume(Duration.ZERO);       // back: reconnect, the broker resends, the status is looked up
        connections.ensureOpen(l.accountId());
        JsonNode o = orderOf(l, alert, x -> "filled".equals(x.path("state").asString()));
        assertThat(o.path("execution").path("filled_quantity").asLong()).isEqualTo(6);
        assertThat(jdbc.sql("select coalesce(sum(f.quantity), 0) from fill f join live_order o on o.id = f.order_id where o.alert_id = ?")
                .param(alert).query(Long.class).single()).isEqualTo(6);
        assertThat(api().get("/pilot/accounts/" + l.accountId(), l.user().token()).body().path("positions").get(0)
                .path("quantity").asLong()).isEqualTo(6);
        assertThat(BROKER.received(alert)).isEqualTo(1);
    }
}
