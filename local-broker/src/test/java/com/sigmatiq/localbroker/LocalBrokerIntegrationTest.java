package com.sigmatiq.localbroker;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqInfrastructureCondition;
import com.sigmatiq.testinfra.SigmatiqInfrastructureInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.Commission;
import quickfix.field.CumQty;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderStatusRequest;

/**
 * The local broker as local mode runs it, on embedded PostgreSQL and Kafka: a FIX 4.4 client logs on, sends orders;
 * bars on {@code market.bars.5m} fill them.
 */
@SpringBootTest
@ContextConfiguration(initializers = SigmatiqInfrastructureInitializer.class)
@ExtendWith({SigmatiqInfrastructureCondition.class, OutputCaptureExtension.class})
class LocalBrokerIntegrationTest {

    private static final int FIX_PORT = freePort();
    private static final AtomicLong minutes = new AtomicLong();
    private static FixClient client;
    private static KafkaProducer<String, String> producer;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void fix(DynamicPropertyRegistry r) {
        r.add("sigmatiq.local-broker.fix-port", () -> FIX_PORT);
        r.add("sigmatiq.local-broker.fix-host", () -> "127.0.0.1");
    }

    @BeforeAll
    static void theBarTopicExists() throws Exception {
        String kafka = SigmatiqInfrastructure.start().kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            if (!admin.listTopics().names().get().contains("market.bars.5m")) {
                admin.createTopics(List.of(new NewTopic("market.bars.5m", 1, (short) 1))).all().get();
            }
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    @BeforeEach
    void connected() throws Exception {
        Awaitility.await("the bar listener has its partitions").atMost(Duration.ofSeconds(30))
                .until(() -> !listeners.getListenerContainer("local-broker-bars").getAssignedPartitions().isEmpty());
        if (client == null) {
            client = new FixClient("CLIENT1", FIX_PORT);
        }
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
        producer.close();
    }

    @Test
    void aMarketOrderIsAcknowledgedThenFilledAtTheNextBarsOpen(CapturedOutput output) throws Exception {
        String id = UUID.randomUUID().toString();
        client.send(order(id, "MKT1", Side.BUY, 10, null));
        Message ack = awaitReport(id, ExecType.NEW);
        assertThat(ack.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.NEW);
        assertThat(ack.getString(OrderID.FIELD)).startsWith("LB-");

        bar("OTHER", 50, 51, 49, 50.5);  // another symbol fills nothing
        bar("MKT1", 100.25, 101, 99.5, 100.75);

        Message fill = awaitReport(id, ExecType.TRADE);
        assertThat(fill.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
        assertThat(fill.getDouble(LastPx.FIELD)).isEqualTo(100.25);
        assertThat(fill.getDouble(AvgPx.FIELD)).isEqualTo(100.25);
        assertThat(fill.getDouble(CumQty.FIELD)).isEqualTo(10);
        assertThat(fill.getDouble(Commission.FIELD)).isEqualTo(0.05);
        assertThat(client.about(id)).hasSize(2);
        assertThat(output.getAll()).doesNotContain("local-broker-test-password");
    }

    @Test
    void aLimitOrderWaitsForABarThatReachesItsPrice() throws Exception {
        String id = UUID.randomUUID().toString();
        client.send(order(id, "LMT1", Side.BUY, 5, 98.0));
        awaitReport(id, ExecType.NEW);

        bar("LMT1", 100, 101, 98.5, 100.5);  // low above the limit
        bar("LMT1", 99, 99.5, 97.5, 98.2);   // reaches it
        Message fill = awaitReport(id, ExecType.TRADE);
        assertThat(fill.getDouble(LastPx.FIELD)).isEqualTo(98.0);
        assertThat(client.about(id).stream().filter(m -> execType(m) == ExecType.TRADE)).hasSize(1);
    }

    @Test
    void aClientOrderIdSeenBeforeIsNotASecondOrder() throws Exception {
        String id = UUID.randomUUID().toString();
        client.send(order(id, "DUP1", Side.BUY, 3, null));
        awaitReport(id, ExecType.NEW);
        client.send(order(id, "DUP1", Side.BUY, 3, null));
        Message status = awaitReport(id, ExecType.ORDER_STATUS);
        assertThat(status.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.NEW);
        assertThat(jdbc.sql("select count(*) from broker_order where cl_ord_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aStatusRequestAnswersTheOrderOrUnknownOrder() throws Exception {
        String unknown = UUID.randomUUID().toString();
        OrderStatusRequest none = new OrderStatusRequest(new ClOrdID(unknown), new Side(Side.BUY));
        none.set(new Symbol("STS1"));
        client.send(none);
        Message r = awaitReport(unknown, ExecType.ORDER_STATUS);
        assertThat(r.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.REJECTED);
        assertThat(r.getInt(OrdRejReason.FIELD)).isEqualTo(OrdRejReason.UNKNOWN_ORDER);

        String id = UUID.randomUUID().toString();
        client.send(order(id, "STS1", Side.SELL, 2, null));
        awaitReport(id, ExecType.NEW);
        OrderStatusRequest ask = new OrderStatusRequest(new ClOrdID(id), new Side(Side.SELL));
        ask.set(new Symbol("STS1"));
        client.send(ask);
        Message known = awaitReport(id, ExecType.ORDER_STATUS);
        assertThat(known.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.NEW);
        assertThat(known.getDouble(OrderQty.FIELD)).isEqualTo(2);
    }

    @Test
    void anOpenOrderIsCancelledAFilledOneIsNot() throws Exception {
        String id = UUID.randomUUID().toString();
        client.send(order(id, "CXL1", Side.BUY, 4, 10.0));
        awaitReport(id, ExecType.NEW);
        client.send(cancel(id, "CXL1"));
        Message cancelled = awaitReport(id, ExecType.CANCELED);
        assertThat(cancelled.getString(OrigClOrdID.FIELD)).isEqualTo(id);
        assertThat(cancelled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.CANCELED);
        bar("CXL1", 9, 9.5, 8, 9);  // would have filled it
        client.send(cancel(id, "CXL1"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.about(id).stream()
                .anyMatch(m -> MsgType.ORDER_CANCEL_REJECT.equals(type(m))));
        assertThat(client.about(id).stream().filter(m -> execType(m) == ExecType.TRADE)).isEmpty();
    }

    @Test
    void anOrderTheBrokerCannotTakeIsRejectedWithTheReason() throws Exception {
        String id = UUID.randomUUID().toString();
        client.send(order(id, "REJ1", Side.BUY, 0, null));
        Message r = awaitReport(id, ExecType.REJECTED);
        assertThat(r.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.REJECTED);
        assertThat(r.getString(quickfix.field.Text.FIELD)).contains("quantity");
    }

    @Test
    void aClientAsksForItsOpenOrdersAndPositions() throws Exception {
        try (FixClient desk = new FixClient("CLIENT2", FIX_PORT)) {
            String filled = UUID.randomUUID().toString();
            String open = UUID.randomUUID().toString();
            desk.send(order(filled, "POS1", Side.BUY, 6, null));
            desk.send(order(open, "POS2", Side.BUY, 4, 1.0));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> desk.about(open).size() == 1 && desk.about(filled).size() == 1);
            bar("POS1", 50.5, 51, 50, 50.75);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> desk.about(filled).size() == 2);

            desk.send(new quickfix.fix44.OrderMassStatusRequest(new quickfix.field.MassStatusReqID("MS1"),
                    new quickfix.field.MassStatusReqType(quickfix.field.MassStatusReqType.STATUS_FOR_ALL_ORDERS)));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> desk.received.stream()
                    .anyMatch(m -> "MS1".equals(FixClient.field(m, quickfix.field.MassStatusReqID.FIELD))));
            List<Message> statuses = desk.received.stream()
                    .filter(m -> "MS1".equals(FixClient.field(m, quickfix.field.MassStatusReqID.FIELD))).toList();
            assertThat(statuses).hasSize(1);  // only the open one, only this client's
            assertThat(statuses.get(0).getString(ClOrdID.FIELD)).isEqualTo(open);
            assertThat(statuses.get(0).getBoolean(quickfix.field.LastRptRequested.FIELD)).isTrue();

            desk.send(new quickfix.fix44.RequestForPositions(new quickfix.field.PosReqID("P1"),
                    new quickfix.field.PosReqType(quickfix.field.PosReqType.POSITIONS), new quickfix.field.Account("DESK"),
                    new quickfix.field.AccountType(quickfix.field.AccountType.ACCOUNT_IS_CARRIED_ON_CUSTOMER_SIDE_OF_THE_BOOKS),
                    new quickfix.field.ClearingBusinessDate("20300102"), new TransactTime(LocalDateTime.now(ZoneOffset.UTC))));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> desk.received.stream()
                    .anyMatch(m -> MsgType.POSITION_REPORT.equals(type(m))));
            Message ack = desk.received.stream().filter(m -> MsgType.REQUEST_FOR_POSITIONS_ACK.equals(type(m))).findFirst().orElseThrow();
            assertThat(ack.getInt(quickfix.field.TotalNumPosReports.FIELD)).isEqualTo(1);
            Message position = desk.received.stream().filter(m -> MsgType.POSITION_REPORT.equals(type(m))).findFirst().orElseThrow();
            assertThat(position.getString(Symbol.FIELD)).isEqualTo("POS1");
            assertThat(position.getDouble(quickfix.field.SettlPrice.FIELD)).isEqualTo(50.5);
            quickfix.Group qty = position.getGroups(quickfix.field.NoPositions.FIELD).get(0);
            assertThat(qty.getDouble(quickfix.field.LongQty.FIELD)).isEqualTo(6);
        }
    }

    // --- helpers ---

    private static NewOrderSingle order(String id, String symbol, char side, long qty, Double limit) {
        NewOrderSingle m = new NewOrderSingle(new ClOrdID(id), new Side(side), new TransactTime(LocalDateTime.now(ZoneOffset.UTC)),
                new OrdType(limit == null ? OrdType.MARKET : OrdType.LIMIT));
        m.set(new Symbol(symbol));
        m.set(new OrderQty(qty));
        if (limit != null) {
            m.set(new Price(limit));
        }
        return m;
    }

    private static OrderCancelRequest cancel(String id, String symbol) {
        OrderCancelRequest m = new OrderCancelRequest(new OrigClOrdID(id), new ClOrdID(id + ".cxl." + System.nanoTime()),
                new Side(Side.BUY), new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        m.set(new Symbol(symbol));
        return m;
    }

    private static Message awaitReport(String id, char execType) {
        return Awaitility.await("report " + execType + " of " + id).atMost(Duration.ofSeconds(20))
                .until(() -> client.about(id).stream().filter(m -> execType(m) == execType).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static char execType(Message m) {
        String t = FixClient.field(m, ExecType.FIELD);
        return t == null ? 0 : t.charAt(0);
    }

    private static String type(Message m) {
        try {
            return m.getHeader().getString(MsgType.FIELD);
        } catch (quickfix.FieldNotFound e) {
            return null;
        }
    }

    /** A closed 5-minute bar of the live feed, as market-data-service publishes it. */
    private static void bar(String ticker, double open, double high, double low, double close) throws Exception {
        Instant start = Instant.parse("2030-01-02T14:30:00Z").plusSeconds(300 * minutes.incrementAndGet());
        String json = """
                {"event_id": "%s", "type": "market.bar.closed", "occurred_at": "%s", "version": 1, "owner_id": null,
                 "subject_id": "%s", "payload": {"ticker": "%s", "exchange": "America/New_York", "timeframe": "5m",
                 "start": "%s", "end": "%s", "open": %s, "high": %s, "low": %s, "close": %s, "volume": 1000,
                 "source": "live", "replay_id": null, "sequence": 1}}""".formatted(UUID.randomUUID(), Instant.now(),
                ticker, ticker, start, start.plusSeconds(300), open, high, low, close);
        producer.send(new ProducerRecord<>("market.bars.5m", ticker, json)).get();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
