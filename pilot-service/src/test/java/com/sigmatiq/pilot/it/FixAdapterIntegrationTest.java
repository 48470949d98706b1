package com.sigmatiq.pilot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sigmatiq.pilot.domain.Accounts;
import com.sigmatiq.pilot.domain.Broker;
import com.sigmatiq.pilot.domain.BrokerAdapter;
import com.sigmatiq.pilot.domain.BrokerAdapterFactory;
import com.sigmatiq.pilot.domain.BrokerEvents;
import com.sigmatiq.pilot.domain.BrokerException;
import com.sigmatiq.pilot.domain.ExecutionUpdate;
import com.sigmatiq.pilot.domain.ExecutionUpdate.Kind;
import com.sigmatiq.pilot.domain.LiveAccount;
import com.sigmatiq.pilot.domain.OrderState;
import com.sigmatiq.pilot.domain.OrderTicket;
import com.sigmatiq.pilot.support.FixTestBroker;
import com.sigmatiq.pilot.support.FixTestBroker.Behaviour;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The FIX 4.4 adapter against a QuickFIX/J acceptor playing the broker: accept, partial fills, reject, cancel, status
 * requests, a dropped connection mid-order with its fills recovered, and sequence numbers that survive a restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class FixAdapterIntegrationTest extends PilotIntegrationTestBase {

    static final String PASSWORD = "fix-logon-secret-51d0c";
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    List<BrokerAdapterFactory> factories;

    @Autowired
    Accounts accounts;

    FixTestBroker broker;
    LiveAccount account;
    BrokerAdapter adapter;
    final List<ExecutionUpdate> reports = new CopyOnWriteArrayList<>();
    final List<String> states = new CopyOnWriteArrayList<>();

    final BrokerEvents events = new BrokerEvents() {
        @Override
        public void execution(String accountId, ExecutionUpdate update) {
            reports.add(update);
        }

        @Override
        public void connectionState(String accountId, String state) {
            states.add(state);
        }
    };

    @BeforeEach
    void connect() {
        broker = new FixTestBroker();
        User u = newUser();
        String id = api().post("/pilot/accounts", u.token(), fixAccount("FIX-" + UUID.randomUUID().toString().substring(0, 8),
                PASSWORD, broker.port())).body().path("id").asString();
        account = accounts.owned(u.id(), id);
        adapter = open();
        adapter.connect();
        await().atMost(WAIT).until(adapter::connected);
    }

    @AfterEach
    void close() {
        if (adapter != null) {
            adapter.close();
        }
        broker.close();
    }

    BrokerAdapter open() {
        BrokerAdapterFactory fix = factories.stream().filter(f -> f.broker() == Broker.FIX).findFirst().orElseThrow();
        return fix.open(account, accounts.credentials(account.id()), events);
    }

    static OrderTicket limit(String id, long qty, double price) {
        return new OrderTicket(id, "DU123456", "SPY", OrderTicket.Side.BUY, qty, OrderTicket.OrderType.LIMIT, price,
                OrderTicket.TimeInForce.DAY);
    }

    List<ExecutionUpdate> of(String clientOrderId) {
        return reports.stream().filter(r -> r.clientOrderId().equals(clientOrderId)).toList();
    }

    @Test
    void theLogonCarriesThePasswordWhichNoLogShows(CapturedOutput output) {
        assertThat(broker.logonPasswords()).contains(PASSWORD);
        assertThat(states).contains("connecting", "connected");
        assertThat(output.getAll()).doesNotContain(PASSWORD);
        assertThat(jdbc.sql("select count(*) from fix_messages").query(Long.class).single()).isZero();
    }

    @Test
    void anAcceptedOrderFilledInTwoPartsIsReportedPartByPart() throws Exception {
        broker.behave(Behaviour.FILL_IN_TWO);
        adapter.send(limit("alert_parts_1", 5, 453.50));
        await().atMost(WAIT).until(() -> of("alert_parts_1").size() == 3);
        List<ExecutionUpdate> r = of("alert_parts_1");
        assertThat(r).extracting(ExecutionUpdate::kind).containsExactly(Kind.NEW, Kind.PARTIAL_FILL, Kind.FILL);
        assertThat(r).extracting(ExecutionUpdate::state)
                .containsExactly(OrderState.ACKNOWLEDGED, OrderState.PARTIALLY_FILLED, OrderState.FILLED);
        assertThat(r.get(1).lastQuantity()).isEqualTo(2);
        assertThat(r.get(1).cumulativeQuantity()).isEqualTo(2);
        assertThat(r.get(2).lastQuantity()).isEqualTo(3);
        assertThat(r.get(2).cumulativeQuantity()).isEqualTo(5);
        assertThat(r.get(2).averagePrice()).isEqualTo(453.50);
        assertThat(r).extracting(ExecutionUpdate::executionId).doesNotHaveDuplicates();
        assertThat(r.get(0).brokerOrderId()).isEqualTo(broker.order("alert_parts_1").orderId);
        assertThat(broker.received("alert_parts_1")).isEqualTo(1);
        assertThat(broker.order("alert_parts_1").quantity).isEqualTo(5);
        assertThat(broker.order("alert_parts_1").price).isEqualTo(453.50);
    }

    @Test
    void aRejectIsReportedWithItsReason() throws Exception {
        broker.behave(Behaviour.REJECT);
        adapter.send(limit("alert_reject_1", 2, 100));
        await().atMost(WAIT).until(() -> !of("alert_reject_1").isEmpty());
        ExecutionUpdate r = of("alert_reject_1").get(0);
        assertThat(r.kind()).isEqualTo(Kind.REJECTED);
        assertThat(r.state()).isEqualTo(OrderState.REJECTED);
        assertThat(r.text()).isEqualTo("rejected by the test broker");
    }

    @Test
    void aCancelRequestCancelsTheOriginalOrder() throws Exception {
        broker.behave(Behaviour.ACCEPT);
        OrderTicket t = limit("alert_cancel_1", 3, 100);
        adapter.send(t);
        await().atMost(WAIT).until(() -> of("alert_cancel_1").size() == 1);
        adapter.cancel(t);
        await().atMost(WAIT).until(() -> of("alert_cancel_1").size() == 2);
        ExecutionUpdate c = of("alert_cancel_1").get(1);
        assertThat(c.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(c.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(broker.order("alert_cancel_1").status).isEqualTo(quickfix.field.OrdStatus.CANCELED);
    }

    @Test
    void aStatusRequestFindsAKnownOrderAndReportsAnUnknownOneAsAbsent() throws Exception {
        broker.behave(Behaviour.FILL);
        OrderTicket t = limit("alert_status_1", 4, 101.25);
        adapter.send(t);
        await().atMost(WAIT).until(() -> of("alert_status_1").size() == 2);
        Optional<ExecutionUpdate> known = adapter.lookup(t, WAIT);
        assertThat(known).isPresent();
        assertThat(known.get().kind()).isEqualTo(Kind.STATUS);
        assertThat(known.get().state()).isEqualTo(OrderState.FILLED);
        assertThat(known.get().cumulativeQuantity()).isEqualTo(4);
        assertThat(known.get().lastQuantity()).isZero();
        assertThat(adapter.lookup(limit("alert_never_sent", 1, 1), WAIT)).isEmpty();
        assertThat(broker.received("alert_never_sent")).isZero();
    }

    @Test
    void nothingIsSentWhileLoggedOut() {
        adapter.close();
        assertThatThrownBy(() -> adapter.send(limit("alert_offline_1", 1, 100))).isInstanceOf(BrokerException.class)
                .hasMessageContaining("not logged on");
        assertThat(broker.received("alert_offline_1")).isZero();
    }

    @Test
    void aConnectionDroppedMidOrderRecoversItsFillsWithoutASecondOrder() throws Exception {
        broker.behave(Behaviour.DROP_THEN_FILL);
        OrderTicket t = limit("alert_drop_1", 6, 99.5);
        adapter.send(t);
        await().atMost(WAIT).until(() -> states.contains("disconnected"));
        await().atMost(WAIT).until(() -> adapter.connected() && of("alert_drop_1").stream().anyMatch(r -> r.kind() == Kind.FILL));
        List<ExecutionUpdate> r = of("alert_drop_1");
        assertThat(r.stream().filter(ExecutionUpdate::isFill).mapToLong(ExecutionUpdate::lastQuantity).sum()).isEqualTo(6);
        assertThat(adapter.lookup(t, WAIT).orElseThrow().state()).isEqualTo(OrderState.FILLED);
        assertThat(broker.received("alert_drop_1")).isEqualTo(1);
    }

    @Test
    void sequenceNumbersSurviveARestartOfTheAdapter() throws Exception {
        broker.behave(Behaviour.ACCEPT);
        adapter.send(limit("alert_seq_1", 1, 100));
        await().atMost(WAIT).until(() -> of("alert_seq_1").size() == 1);
        adapter.close();
        int[] before = seqnums();
        assertThat(before[0]).isGreaterThan(2);   // logon, order, logout at least
        assertThat(before[1]).isGreaterThan(2);

        adapter = open();
        adapter.connect();
        await().atMost(WAIT).until(adapter::connected);
        adapter.send(limit("alert_seq_2", 1, 100));
        await().atMost(WAIT).until(() -> of("alert_seq_2").size() == 1);
        int[] after = seqnums();
        assertThat(after[0]).isGreaterThan(before[0]);
        assertThat(after[1]).isGreaterThan(before[1]);
        assertThat(broker.received("alert_seq_1")).isEqualTo(1);
    }

    /** {outgoing, incoming} next sequence numbers of this account's session, as stored. */
    int[] seqnums() {
        return jdbc.sql("select outgoing_seqnum, incoming_seqnum from fix_sessions where session_qualifier = ?")
                .param(account.id()).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }
}
