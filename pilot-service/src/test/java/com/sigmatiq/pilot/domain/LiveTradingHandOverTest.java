package com.sigmatiq.pilot.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The start-up round runs while the listener already takes alerts. An order whose NewOrderSingle is still on its way
 * is unknown to the broker for a moment; a round that looked it up then would send it a second time. The round must
 * leave an order this process is handing over alone. The stores are stand-ins here (the interleaving is the point);
 * the broker is an adapter that holds the first send until the test lets it go.
 */
class LiveTradingHandOverTest {

    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    /** A broker that takes a while to accept the first order and knows only what it has accepted. */
    static final class SlowBroker implements BrokerAdapter {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public void connect() {
        }

        @Override
        public boolean connected() {
            return true;
        }

        @Override
        public void send(OrderTicket t) {
            received.add(t.clientOrderId());
            if (received.size() == 1) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            accepted.add(t.clientOrderId());
        }

        @Override
        public void cancel(OrderTicket t) {
        }

        @Override
        public Optional<ExecutionUpdate> lookup(OrderTicket t, Duration timeout) {
            lookups.incrementAndGet();
            // the order still on its way: the broker has not seen it yet
            return accepted.contains(t.clientOrderId())
                    ? Optional.of(new ExecutionUpdate(t.clientOrderId(), "BRK-1", "S1", ExecutionUpdate.Kind.STATUS,
                            OrderState.ACKNOWLEDGED, 0, Double.NaN, 0, Double.NaN, 0, null, NOW))
                    : Optional.empty();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aRoundDuringTheHandOverNeitherLooksTheOrderUpNorSendsItAgain() throws Exception {
        Limits limits = new Limits(50_000, 1_000, 3, 500, 10, 5);
        LiveAccount account = new LiveAccount("acc_1", "user-1", Broker.FIX, "ACC1",
                new Connection("127.0.0.1", 1, "S", "T", null), limits, false, "connected", true, NOW);
        Approval approval = new Approval("pub_1", "user-1", "acc_1", 50_000, 1_000, true, NOW.minusSeconds(3600), NOW);
        Publication publication = new Publication("pub_1", "user-1", "model_1", "AAPL", Publication.LIVE_FEED,
                Publication.LIVE, Publication.APPROVE);
        OrderStore orders = mock(OrderStore.class);
        PilotStore accounts = mock(PilotStore.class);
        BrokerConnections connections = mock(BrokerConnections.class);
        SlowBroker broker = new SlowBroker();
        List<LiveOrder> stored = new CopyOnWriteArrayList<>();
        when(orders.lockApproved("pub_1")).thenReturn(Optional.of(new OrderStore.Approved(approval, account)));
        when(orders.facts(anyString(), anyString(), anyString(), anyString(), any(), any())).thenReturn(
                new OrderStore.AlertFacts(false, publication, false, 100.0, NOW, 0, 0, 0, 0, 0));
        org.mockito.Mockito.doAnswer(i -> stored.add(i.getArgument(0))).when(orders).insertOrder(any());
        when(orders.openOrders()).thenAnswer(i -> List.copyOf(stored));
        when(accounts.account("acc_1")).thenReturn(Optional.of(account));
        when(connections.adapter(any(), any())).thenReturn(broker);
        LiveTrading trading = new LiveTrading(accounts, orders, connections, (a, e, d) -> { },
                new TransactionTemplate(mock(PlatformTransactionManager.class)), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(5), Duration.ofSeconds(5), null);

        LiveAlert alert = new LiveAlert("alert_pub_1_bar_buy", "pub_1", NOW, "AAPL", true, 3, OrderTicket.OrderType.LIMIT,
                100.0, OrderTicket.TimeInForce.DAY, null);
        Thread listener = new Thread(() -> trading.alert(alert), "listener");
        listener.start();
        assertThat(broker.entered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(stored).singleElement().extracting(LiveOrder::state).isEqualTo(OrderState.PENDING_NEW);

        trading.resume(Duration.ZERO);       // the start-up round, while the order is on its way
        assertThat(broker.lookups).hasValue(0);

        broker.release.countDown();
        listener.join(30_000);
        assertThat(listener.isAlive()).isFalse();
        trading.resume(Duration.ZERO);       // once handed over, a round may ask: the broker knows it
        assertThat(broker.lookups).hasValue(1);
        assertThat(broker.received).containsExactly("alert_pub_1_bar_buy");
    }
}
