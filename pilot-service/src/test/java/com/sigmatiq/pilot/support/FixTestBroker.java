package com.sigmatiq.pilot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Password;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;
import quickfix.fix44.ExecutionReport;

/**
 * A FIX 4.4 broker for tests: a QuickFIX/J acceptor (SenderCompID {@code BROKER}, any client's CompID) that
 * accepts, fills in parts, rejects, drops the connection on an order, answers status and cancel requests, and counts
 * every NewOrderSingle per ClOrdID. Its own store is in memory, so it resends what a reconnecting client missed.
 */
public final class FixTestBroker implements Application, AutoCloseable {

    /** What the broker does with the next NewOrderSingle. */
    public enum Behaviour { ACCEPT, FILL, FILL_IN_TWO, REJECT, DROP, DROP_THEN_FILL, SILENT }

    /** An order the broker holds. */
    public static final class Order {
        public final String clOrdId;
        public final String orderId;
        public final String symbol;
        public final char side;
        public final long quantity;
        public final double price;
        public volatile long cumulative;
        public volatile double averagePrice;
        public volatile char status = OrdStatus.NEW;

        Order(String clOrdId, String orderId, String symbol, char side, long quantity, double price) {
            this.clOrdId = clOrdId;
            this.orderId = orderId;
            this.symbol = symbol;
            this.side = side;
            this.quantity = quantity;
            this.price = price;
        }
    }

    /** No log at all: the client's Logon carries its password, which no test output may show. */
    private static final quickfix.Log SILENT_LOG = new quickfix.Log() {
        @Override
        public void clear() {
        }

        @Override
        public void onIncoming(String message) {
        }

        @Override
        public void onOutgoing(String message) {
        }

        @Override
        public void onEvent(String text) {
        }

        @Override
        public void onErrorEvent(String text) {
        }
    };

    private final int port;
    /** Any client's SenderCompID is accepted: one session per client, made on its Logon. */
    private final SessionID template = new SessionID("FIX.4.4", "BROKER", quickfix.mina.acceptor.DynamicAcceptorSessionProvider.WILDCARD);
    private final Map<String, SessionID> sessionOf = new ConcurrentHashMap<>();
    private volatile SessionID lastSession;
    private final SocketAcceptor acceptor;
    private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(Behaviour.ACCEPT);
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final List<String> passwords = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile double fillPrice = Double.NaN;
    private final Map<String, Long> receivedAtNanos = new ConcurrentHashMap<>();

    public FixTestBroker() {
        this.port = freePort();
        try {
            SessionSettings s = new SessionSettings();
            s.setString(template, "ConnectionType", "acceptor");
            s.setString(template, "AcceptorTemplate", "Y");
            s.setLong(template, "SocketAcceptPort", port);
            s.setString(template, "SocketAcceptAddress", "127.0.0.1");
            s.setString(template, "NonStopSession", "Y");
            s.setString(template, "UseDataDictionary", "Y");
            s.setString(template, "DataDictionary", "FIX44.xml");
            s.setLong(template, "HeartBtInt", 10);
            MemoryStoreFactory store = new MemoryStoreFactory();
            quickfix.LogFactory logs = id -> SILENT_LOG;
            acceptor = new SocketAcceptor(this, store, s, logs, new DefaultMessageFactory());
            acceptor.setSessionProvider(new java.net.InetSocketAddress("127.0.0.1", port),
                    new quickfix.mina.acceptor.DynamicAcceptorSessionProvider(s, template, this, store, logs, new DefaultMessageFactory()));
            acceptor.start();
        } catch (ConfigError e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public void behave(Behaviour b) {
        behaviour.set(b);
    }

    /** Fills at this price instead of the order's limit price. */
    public void fillAt(double price) {
        fillPrice = price;
    }

    /** How many NewOrderSingle messages (resends included) carried this ClOrdID. */
    public int received(String clOrdId) {
        AtomicInteger n = received.get(clOrdId);
        return n == null ? 0 : n.get();
    }

    /** {@link System#nanoTime()} when the first NewOrderSingle of this ClOrdID arrived, or null. */
    public Long receivedAtNanos(String clOrdId) {
        return receivedAtNanos.get(clOrdId);
    }

    public Order order(String clOrdId) {
        return orders.get(clOrdId);
    }

    public List<String> logonPasswords() {
        return passwords;
    }

    /** Drops the TCP connection of the last client that sent an order (it reconnects by itself). */
    public void dropConnection() {
        dropConnection(lastSession);
    }

    private void dropConnection(SessionID id) {
        Session s = id == null ? null : Session.lookupSession(id);
        if (s != null) {
            try {
                s.disconnect("dropped by the test broker", false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Fills {@code quantity} more of an order now; sent at once, or queued for resend if the client is away. */
    public void fill(String clOrdId, long quantity) {
        Order o = orders.get(clOrdId);
        double px = Double.isNaN(fillPrice) ? o.price : fillPrice;
        long cum = o.cumulative + quantity;
        o.averagePrice = (o.averagePrice * o.cumulative + px * quantity) / cum;
        o.cumulative = cum;
        o.status = cum >= o.quantity ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
        ExecutionReport r = report(o, ExecType.TRADE);
        r.set(new LastQty(quantity));
        r.set(new LastPx(px));
        send(sessionOf.get(clOrdId), r);
    }

    @Override
    public void close() {
        acceptor.stop(true);
    }

    // --- QuickFIX/J callbacks ---

    @Override
    public void onCreate(SessionID id) {
    }

    @Override
    public void onLogon(SessionID id) {
    }

    @Override
    public void onLogout(SessionID id) {
    }

    @Override
    public void toAdmin(Message message, SessionID id) {
    }

    @Override
    public void fromAdmin(Message message, SessionID id) throws FieldNotFound {
        if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)) && message.isSetField(Password.FIELD)) {
            passwords.add(message.getString(Password.FIELD));
        }
    }

    @Override
    public void toApp(Message message, SessionID id) {
    }

    @Override
    public void fromApp(Message m, SessionID id) throws FieldNotFound {
        String type = m.getHeader().getString(MsgType.FIELD);
        lastSession = id;
        switch (type) {
            case MsgType.ORDER_SINGLE -> newOrder(m, id);
            case MsgType.ORDER_STATUS_REQUEST -> status(m, id);
            case MsgType.ORDER_CANCEL_REQUEST -> cancel(m, id);
            case MsgType.ORDER_MASS_STATUS_REQUEST -> massStatus(m, id);
            case MsgType.REQUEST_FOR_POSITIONS -> positions(m, id);
            default -> { }
        }
    }

    private void newOrder(Message m, SessionID id) throws FieldNotFound {
        long at = System.nanoTime();
        String clOrdId = m.getString(ClOrdID.FIELD);
        receivedAtNanos.putIfAbsent(clOrdId, at);
        sessionOf.putIfAbsent(clOrdId, id);
        received.computeIfAbsent(clOrdId, k -> new AtomicInteger()).incrementAndGet();
        if (orders.containsKey(clOrdId)) {
            return;  // a duplicate ClOrdID is not a second order
        }
        double price = m.isSetField(Price.FIELD) ? m.getDouble(Price.FIELD) : 100.0;
        Order o = new Order(clOrdId, "BRK-" + ids.incrementAndGet(), m.getString(Symbol.FIELD), m.getChar(Side.FIELD),
                (long) m.getDouble(OrderQty.FIELD), price);
        Behaviour b = behaviour.get();
        if (b == Behaviour.DROP || b == Behaviour.DROP_THEN_FILL) {
            orders.put(clOrdId, o);
            dropConnection(id);
            if (b == Behaviour.DROP_THEN_FILL) {
                send(id, report(o, ExecType.NEW));
                fill(clOrdId, o.quantity);
            }
            return;
        }
        if (b == Behaviour.SILENT) {
            orders.put(clOrdId, o);
            return;
        }
        if (b == Behaviour.REJECT) {
            o.status = OrdStatus.REJECTED;
            orders.put(clOrdId, o);
            ExecutionReport r = report(o, ExecType.REJECTED);
            r.set(new OrdRejReason(OrdRejReason.BROKER_EXCHANGE_OPTION));
            r.set(new Text("rejected by the test broker"));
            send(id, r);
            return;
        }
        orders.put(clOrdId, o);
        send(id, report(o, ExecType.NEW));
        if (b == Behaviour.FILL) {
            fill(clOrdId, o.quantity);
        } else if (b == Behaviour.FILL_IN_TWO) {
            fill(clOrdId, o.quantity / 2);
            fill(clOrdId, o.quantity - o.quantity / 2);
        }
    }

    private void status(Message m, SessionID id) throws FieldNotFound {
        String clOrdId = m.getString(ClOrdID.FIELD);
        Order o = orders.get(clOrdId);
        if (o == null) {
            ExecutionReport r = new ExecutionReport(new OrderID("NONE"), new ExecID("X" + ids.incrementAndGet()),
                    new ExecType(ExecType.ORDER_STATUS), new OrdStatus(OrdStatus.REJECTED), new Side(m.getChar(Side.FIELD)),
                    new LeavesQty(0), new CumQty(0), new AvgPx(0));
            r.set(new ClOrdID(clOrdId));
            r.set(new Symbol(m.getString(Symbol.FIELD)));
            r.set(new OrdRejReason(OrdRejReason.UNKNOWN_ORDER));
            send(id, r);
            return;
        }
        send(id, report(o, ExecType.ORDER_STATUS));
    }

    private void cancel(Message m, SessionID id) throws FieldNotFound {
        Order o = orders.get(m.getString(OrigClOrdID.FIELD));
        if (o == null || o.status == OrdStatus.FILLED || o.status == OrdStatus.CANCELED || o.status == OrdStatus.REJECTED) {
            return;
        }
        o.status = OrdStatus.CANCELED;
        ExecutionReport r = report(o, ExecType.CANCELED);
        r.set(new OrigClOrdID(o.clOrdId));
        r.set(new ClOrdID(m.getString(ClOrdID.FIELD)));
        send(id, r);
    }

    /**
     * An order the last client's session holds at the broker that the client never sent (another desk's, or one it
     * forgot): open, or filled at {@code price}.
     */
    public void holdForLastClient(String clOrdId, String symbol, long quantity, double price, boolean filled) {
        Order o = new Order(clOrdId, "BRK-" + ids.incrementAndGet(), symbol, Side.BUY, quantity, price);
        if (filled) {
            o.cumulative = quantity;
            o.averagePrice = price;
            o.status = OrdStatus.FILLED;
        }
        orders.put(clOrdId, o);
        sessionOf.put(clOrdId, lastSession);
    }

    private java.util.List<Order> ordersOf(SessionID id) {
        return orders.values().stream().filter(o -> id.equals(sessionOf.get(o.clOrdId))).toList();
    }

    private void massStatus(Message m, SessionID id) throws FieldNotFound {
        String request = m.getString(quickfix.field.MassStatusReqID.FIELD);
        java.util.List<Order> open = ordersOf(id).stream()
                .filter(o -> o.status == OrdStatus.NEW || o.status == OrdStatus.PARTIALLY_FILLED).toList();
        if (open.isEmpty()) {
            ExecutionReport r = new ExecutionReport(new OrderID("NONE"), new ExecID("X" + ids.incrementAndGet()),
                    new ExecType(ExecType.ORDER_STATUS), new OrdStatus(OrdStatus.REJECTED), new Side(Side.BUY),
                    new LeavesQty(0), new CumQty(0), new AvgPx(0));
            r.set(new ClOrdID("NONE"));
            r.set(new Symbol("NONE"));
            r.set(new quickfix.field.MassStatusReqID(request));
            r.set(new quickfix.field.TotNumReports(0));
            r.set(new quickfix.field.LastRptRequested(true));
            send(id, r);
            return;
        }
        for (int i = 0; i < open.size(); i++) {
            ExecutionReport r = report(open.get(i), ExecType.ORDER_STATUS);
            r.set(new quickfix.field.MassStatusReqID(request));
            r.set(new quickfix.field.TotNumReports(open.size()));
            r.set(new quickfix.field.LastRptRequested(i == open.size() - 1));
            send(id, r);
        }
    }

    private void positions(Message m, SessionID id) throws FieldNotFound {
        String request = m.getString(quickfix.field.PosReqID.FIELD);
        Map<String, long[]> held = new java.util.TreeMap<>();
        Map<String, Double> cost = new java.util.TreeMap<>();
        for (Order o : ordersOf(id)) {
            if (o.cumulative > 0) {
                long q = o.side == Side.BUY ? o.cumulative : -o.cumulative;
                held.computeIfAbsent(o.symbol, k -> new long[1])[0] += q;
                cost.merge(o.symbol, o.averagePrice * q, Double::sum);
            }
        }
        held.values().removeIf(q -> q[0] == 0);
        String account = m.getString(quickfix.field.Account.FIELD);
        quickfix.fix44.RequestForPositionsAck ack = new quickfix.fix44.RequestForPositionsAck(
                new quickfix.field.PosMaintRptID("A" + ids.incrementAndGet()), new quickfix.field.PosReqResult(held.isEmpty()
                        ? quickfix.field.PosReqResult.NO_POSITIONS_FOUND_THAT_MATCH_CRITERIA : quickfix.field.PosReqResult.VALID_REQUEST),
                new quickfix.field.PosReqStatus(quickfix.field.PosReqStatus.COMPLETED), new quickfix.field.Account(account),
                new quickfix.field.AccountType(quickfix.field.AccountType.ACCOUNT_IS_CARRIED_ON_CUSTOMER_SIDE_OF_THE_BOOKS));
        ack.set(new quickfix.field.PosReqID(request));
        ack.set(new quickfix.field.TotalNumPosReports(held.size()));
        send(id, ack);
        for (Map.Entry<String, long[]> e : held.entrySet()) {
            double avg = cost.get(e.getKey()) / e.getValue()[0];
            quickfix.fix44.PositionReport r = new quickfix.fix44.PositionReport(new quickfix.field.PosMaintRptID("P" + ids.incrementAndGet()),
                    new quickfix.field.PosReqResult(quickfix.field.PosReqResult.VALID_REQUEST),
                    new quickfix.field.ClearingBusinessDate("20240214"), new quickfix.field.Account(account),
                    new quickfix.field.AccountType(quickfix.field.AccountType.ACCOUNT_IS_CARRIED_ON_CUSTOMER_SIDE_OF_THE_BOOKS),
                    new quickfix.field.SettlPrice(avg), new quickfix.field.SettlPriceType(quickfix.field.SettlPriceType.FINAL),
                    new quickfix.field.PriorSettlPrice(avg));
            r.set(new quickfix.field.PosReqID(request));
            r.set(new Symbol(e.getKey()));
            quickfix.fix44.PositionReport.NoPositions q = new quickfix.fix44.PositionReport.NoPositions();
            q.set(new quickfix.field.PosType(quickfix.field.PosType.TRANSACTION_QUANTITY));
            if (e.getValue()[0] > 0) {
                q.set(new quickfix.field.LongQty(e.getValue()[0]));
            } else {
                q.set(new quickfix.field.ShortQty(-e.getValue()[0]));
            }
            r.addGroup(q);
            quickfix.fix44.PositionReport.NoPosAmt a = new quickfix.fix44.PositionReport.NoPosAmt();
            a.set(new quickfix.field.PosAmtType(quickfix.field.PosAmtType.FINAL_MARK_TO_MARKET_AMOUNT));
            a.set(new quickfix.field.PosAmt(0));
            r.addGroup(a);
            send(id, r);
        }
    }

    private ExecutionReport report(Order o, char execType) {
        ExecutionReport r = new ExecutionReport(new OrderID(o.orderId), new ExecID("E" + ids.incrementAndGet()),
                new ExecType(execType), new OrdStatus(o.status), new Side(o.side),
                new LeavesQty(o.status == OrdStatus.CANCELED || o.status == OrdStatus.REJECTED ? 0 : o.quantity - o.cumulative),
                new CumQty(o.cumulative), new AvgPx(o.averagePrice));
        r.set(new ClOrdID(o.clOrdId));
        r.set(new Symbol(o.symbol));
        r.set(new OrderQty(o.quantity));
        r.set(new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        return r;
    }

    private void send(SessionID id, Message m) {
        Session s = Session.lookupSession(id);
        if (s != null) {
            s.send(m);  // when logged out, kept in the store and resent on the client's resend request
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
