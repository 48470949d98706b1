package com.sigmatiq.localbroker.fix;

import com.sigmatiq.localbroker.domain.BrokerOrder;
import com.sigmatiq.localbroker.domain.Exchange;
import com.sigmatiq.localbroker.domain.LocalBrokerProperties;
import com.sigmatiq.localbroker.domain.OrderFilled;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.JdbcStoreFactory;
import quickfix.LogFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.Account;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.Commission;
import quickfix.field.CommType;
import quickfix.field.CumQty;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.StopPx;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.mina.acceptor.DynamicAcceptorSessionProvider;
import quickfix.field.AccountType;
import quickfix.field.ClearingBusinessDate;
import quickfix.field.LastRptRequested;
import quickfix.field.LongQty;
import quickfix.field.MassStatusReqID;
import quickfix.field.PosAmt;
import quickfix.field.PosAmtType;
import quickfix.field.PosMaintRptID;
import quickfix.field.PosReqID;
import quickfix.field.PosReqResult;
import quickfix.field.PosReqStatus;
import quickfix.field.PosType;
import quickfix.field.PriorSettlPrice;
import quickfix.field.SettlPrice;
import quickfix.field.SettlPriceType;
import quickfix.field.ShortQty;
import quickfix.field.TotNumReports;
import quickfix.field.TotalNumPosReports;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.PositionReport;
import quickfix.fix44.RequestForPositionsAck;
import quickfix.fix44.OrderCancelReject;

/**
 * The FIX 4.4 acceptor on {@code sigmatiq.local-broker.fix-port}: one session per client SenderCompID, made at its
 * Logon (any user name and password: the broker is local). Reports go back to the session that sent the order; when
 * that client is away they are stored and resent on its resend request.
 */
@Component
class FixAcceptor implements Application, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FixAcceptor.class);

    private final Exchange exchange;
    private final LocalBrokerProperties properties;
    private final DataSource dataSource;
    private final AtomicLong execIds = new AtomicLong(System.currentTimeMillis());
    private volatile SocketAcceptor acceptor;

    FixAcceptor(Exchange exchange, LocalBrokerProperties properties, DataSource dataSource) {
        this.exchange = exchange;
        this.properties = properties;
        this.dataSource = dataSource;
    }

    // --- lifecycle ---

    @Override
    public synchronized void start() {
        SessionID template = new SessionID("FIX.4.4", properties.compId(), DynamicAcceptorSessionProvider.WILDCARD);
        try {
            SessionSettings s = new SessionSettings();
            s.setString(template, "ConnectionType", "acceptor");
            s.setString(template, "AcceptorTemplate", "Y");
            s.setLong(template, "SocketAcceptPort", properties.fixPort());
            s.setString(template, "SocketAcceptAddress", properties.fixHost());
            s.setString(template, "StartTime", "00:00:00");
            s.setString(template, "EndTime", "00:00:00");
            s.setString(template, "NonStopSession", "Y");
            s.setString(template, "UseDataDictionary", "Y");
            s.setString(template, "DataDictionary", "FIX44.xml");
            s.setLong(template, "HeartBtInt", 10);
            s.setString(template, "ResetOnLogon", "N");
            s.setString(template, "ResetOnDisconnect", "N");
            s.setString(template, "PersistMessages", "Y");
            // in the default section: the sessions made at logon read their store's tables there
            s.setString("JdbcStoreSessionsTableName", "fix_sessions");
            s.setString("JdbcStoreMessagesTableName", "fix_messages");
            JdbcStoreFactory store = new JdbcStoreFactory(s);
            store.setDataSource(dataSource);
            LogFactory logs = id -> QuietFixLog.INSTANCE;
            SocketAcceptor a = new SocketAcceptor(this, store, s, logs, new DefaultMessageFactory());
            a.setSessionProvider(new InetSocketAddress(properties.fixHost(), properties.fixPort()),
                    new DynamicAcceptorSessionProvider(s, template, this, store, logs, new DefaultMessageFactory()));
            a.start();
            acceptor = a;
            log.info("local broker: FIX 4.4 acceptor on {}:{}, CompID {}", properties.fixHost(), properties.fixPort(),
                    properties.compId());
        } catch (ConfigError e) {
            throw new IllegalStateException("the local broker's FIX acceptor cannot start: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        SocketAcceptor a = acceptor;
        acceptor = null;
        if (a != null) {
            a.stop(true);
        }
    }

    @Override
    public boolean isRunning() {
        return acceptor != null;
    }

    // --- fills from the bars ---

    @EventListener
    void onFill(OrderFilled e) {
        BrokerOrder o = e.order();
        ExecutionReport r = report(o, ExecType.TRADE, o.orderId() + ".F");
        r.set(new LastQty(o.filledQuantity()));
        r.set(new LastPx(o.averagePrice()));
        r.set(new Commission(o.commission()));
        r.set(new CommType(CommType.ABSOLUTE));
        send(o.clientCompId(), r);
    }

    // --- QuickFIX/J callbacks ---

    @Override
    public void onCreate(SessionID id) {
    }

    @Override
    public void onLogon(SessionID id) {
        log.info("local broker: {} logged on", id.getTargetCompID());
    }

    @Override
    public void onLogout(SessionID id) {
        log.info("local broker: {} logged out", id.getTargetCompID());
    }

    @Override
    public void toAdmin(Message message, SessionID id) {
    }

    @Override
    public void fromAdmin(Message message, SessionID id) {
    }

    @Override
    public void toApp(Message message, SessionID id) {
    }

    @Override
    public void fromApp(Message m, SessionID id) throws FieldNotFound {
        String client = id.getTargetCompID();
        switch (m.getHeader().getString(MsgType.FIELD)) {
            case MsgType.ORDER_SINGLE -> newOrder(m, client);
            case MsgType.ORDER_CANCEL_REQUEST -> cancel(m, client);
            case MsgType.ORDER_STATUS_REQUEST -> status(m, client);
            case MsgType.ORDER_MASS_STATUS_REQUEST -> massStatus(m, client);
            case MsgType.REQUEST_FOR_POSITIONS -> positions(m, client);
            default -> { }
        }
    }

    private void newOrder(Message m, String client) throws FieldNotFound {
        Exchange.Accepted a = exchange.accept(new Exchange.NewOrder(m.getString(ClOrdID.FIELD), client,
                m.isSetField(Account.FIELD) ? m.getString(Account.FIELD) : null,
                m.isSetField(Symbol.FIELD) ? m.getString(Symbol.FIELD) : null,
                m.getChar(Side.FIELD) == Side.BUY ? BrokerOrder.Side.BUY : BrokerOrder.Side.SELL,
                type(m.getChar(OrdType.FIELD)), m.isSetField(OrderQty.FIELD) ? (long) m.getDouble(OrderQty.FIELD) : 0,
                m.isSetField(Price.FIELD) ? m.getDouble(Price.FIELD) : null,
                m.isSetField(StopPx.FIELD) ? m.getDouble(StopPx.FIELD) : null,
                m.isSetField(TimeInForce.FIELD) ? String.valueOf(m.getChar(TimeInForce.FIELD)) : String.valueOf(TimeInForce.DAY)));
        BrokerOrder o = a.order();
        if (!a.created()) {
            // a ClOrdID seen before is not a second order: the client gets the order as it stands
            send(client, report(o, ExecType.ORDER_STATUS, nextExecId(o)));
        } else if (o.status() == BrokerOrder.Status.REJECTED) {
            ExecutionReport r = report(o, ExecType.REJECTED, o.orderId() + ".R");
            r.set(new OrdRejReason(OrdRejReason.OTHER));
            r.set(new Text(o.rejectReason()));
            send(client, r);
        } else {
            send(client, report(o, ExecType.NEW, o.orderId() + ".N"));
        }
    }

    private void cancel(Message m, String client) throws FieldNotFound {
        String orig = m.getString(OrigClOrdID.FIELD);
        String cancelId = m.getString(ClOrdID.FIELD);
        var before = exchange.order(orig);
        var after = exchange.cancel(orig);
        if (after.isPresent() && after.get().status() == BrokerOrder.Status.CANCELLED && before.get().status().open()) {
            ExecutionReport r = report(after.get(), ExecType.CANCELED, after.get().orderId() + ".C");
            r.set(new OrigClOrdID(orig));
            r.set(new ClOrdID(cancelId));
            send(client, r);
            return;
        }
        OrderCancelReject reject = new OrderCancelReject(new OrderID(after.map(BrokerOrder::orderId).orElse("NONE")),
                new ClOrdID(cancelId), new OrigClOrdID(orig),
                new OrdStatus(after.map(o -> ordStatus(o.status())).orElse(OrdStatus.REJECTED)),
                new CxlRejResponseTo(CxlRejResponseTo.ORDER_CANCEL_REQUEST));
        reject.set(new Text(after.isEmpty() ? "unknown order" : "order is " + after.get().status().name().toLowerCase()));
        send(client, reject);
    }

    private void status(Message m, String client) throws FieldNotFound {
        String clOrdId = m.getString(ClOrdID.FIELD);
        var o = exchange.order(clOrdId);
        if (o.isEmpty()) {
            ExecutionReport r = new ExecutionReport(new OrderID("NONE"), new ExecID("S" + execIds.incrementAndGet()),
                    new ExecType(ExecType.ORDER_STATUS), new OrdStatus(OrdStatus.REJECTED), new Side(m.getChar(Side.FIELD)),
                    new LeavesQty(0), new CumQty(0), new AvgPx(0));
            r.set(new ClOrdID(clOrdId));
            if (m.isSetField(Symbol.FIELD)) {
                r.set(new Symbol(m.getString(Symbol.FIELD)));
            }
            r.set(new OrdRejReason(OrdRejReason.UNKNOWN_ORDER));
            r.set(new Text("unknown order"));
            send(client, r);
            return;
        }
        send(client, report(o.get(), ExecType.ORDER_STATUS, nextExecId(o.get())));
    }

    /** OrderMassStatusRequest: one status report per open order of the client, the last one flagged; none: one "none". */
    private void massStatus(Message m, String client) throws FieldNotFound {
        String requestId = m.getString(MassStatusReqID.FIELD);
        List<BrokerOrder> open = exchange.openOrders(client);
        if (open.isEmpty()) {
            ExecutionReport r = new ExecutionReport(new OrderID("NONE"), new ExecID("M" + execIds.incrementAndGet()),
                    new ExecType(ExecType.ORDER_STATUS), new OrdStatus(OrdStatus.REJECTED), new Side(Side.BUY),
                    new LeavesQty(0), new CumQty(0), new AvgPx(0));
            r.set(new ClOrdID("NONE"));
            r.set(new Symbol("NONE"));
            r.set(new MassStatusReqID(requestId));
            r.set(new TotNumReports(0));
            r.set(new LastRptRequested(true));
            r.set(new Text("no open orders"));
            send(client, r);
            return;
        }
        for (int i = 0; i < open.size(); i++) {
            ExecutionReport r = report(open.get(i), ExecType.ORDER_STATUS, nextExecId(open.get(i)));
            r.set(new MassStatusReqID(requestId));
            r.set(new TotNumReports(open.size()));
            r.set(new LastRptRequested(i == open.size() - 1));
            send(client, r);
        }
    }

    /**
     * RequestForPositions: an acknowledgement with the number of reports, then one PositionReport per symbol held
     * (LongQty or ShortQty, the average cost as SettlPrice); none held: the acknowledgement says "no positions".
     */
    private void positions(Message m, String client) throws FieldNotFound {
        String requestId = m.getString(PosReqID.FIELD);
        String account = m.isSetField(Account.FIELD) ? m.getString(Account.FIELD) : client;
        Map<String, double[]> held = exchange.positions(client);
        String business = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        RequestForPositionsAck ack = new RequestForPositionsAck(new PosMaintRptID("A" + execIds.incrementAndGet()),
                new PosReqResult(held.isEmpty() ? PosReqResult.NO_POSITIONS_FOUND_THAT_MATCH_CRITERIA : PosReqResult.VALID_REQUEST),
                new PosReqStatus(PosReqStatus.COMPLETED), new Account(account), new AccountType(AccountType.ACCOUNT_IS_CARRIED_ON_CUSTOMER_SIDE_OF_THE_BOOKS));
        ack.set(new PosReqID(requestId));
        ack.set(new TotalNumPosReports(held.size()));
        send(client, ack);
        for (Map.Entry<String, double[]> e : held.entrySet()) {
            PositionReport r = new PositionReport(new PosMaintRptID("P" + execIds.incrementAndGet()),
                    new PosReqResult(PosReqResult.VALID_REQUEST), new ClearingBusinessDate(business), new Account(account),
                    new AccountType(AccountType.ACCOUNT_IS_CARRIED_ON_CUSTOMER_SIDE_OF_THE_BOOKS), new SettlPrice(e.getValue()[1]),
                    new SettlPriceType(SettlPriceType.FINAL), new PriorSettlPrice(e.getValue()[1]));
            r.set(new PosReqID(requestId));
            r.set(new TotalNumPosReports(held.size()));
            r.set(new Symbol(e.getKey()));
            PositionReport.NoPositions qty = new PositionReport.NoPositions();
            qty.set(new PosType(PosType.TRANSACTION_QUANTITY));
            if (e.getValue()[0] >= 0) {
                qty.set(new LongQty(e.getValue()[0]));
            } else {
                qty.set(new ShortQty(-e.getValue()[0]));
            }
            r.addGroup(qty);
            PositionReport.NoPosAmt amount = new PositionReport.NoPosAmt();
            amount.set(new PosAmtType(PosAmtType.FINAL_MARK_TO_MARKET_AMOUNT));
            amount.set(new PosAmt(0));
            r.addGroup(amount);
            send(client, r);
        }
    }

    // --- messages ---

    ExecutionReport report(BrokerOrder o, char execType, String execId) {
        ExecutionReport r = new ExecutionReport(new OrderID(o.orderId()), new ExecID(execId), new ExecType(execType),
                new OrdStatus(ordStatus(o.status())), new Side(o.side() == BrokerOrder.Side.BUY ? Side.BUY : Side.SELL),
                new LeavesQty(o.leavesQuantity()), new CumQty(o.filledQuantity()), new AvgPx(o.averagePrice()));
        r.set(new ClOrdID(o.clOrdId()));
        r.set(new Symbol(o.symbol()));
        r.set(new OrderQty(o.quantity()));
        if (o.account() != null) {
            r.set(new Account(o.account()));
        }
        if (o.type() != null) {
            r.set(new OrdType(switch (o.type()) {
                case MARKET -> OrdType.MARKET;
                case LIMIT -> OrdType.LIMIT;
                case STOP -> OrdType.STOP_STOP_LOSS;
            }));
        }
        if (o.limitPrice() != null) {
            r.set(new Price(o.limitPrice()));
        }
        r.set(new TransactTime(LocalDateTime.ofInstant(o.updatedAt(), ZoneOffset.UTC)));
        return r;
    }

    String nextExecId(BrokerOrder o) {
        return o.orderId() + ".S" + execIds.incrementAndGet();
    }

    static char ordStatus(BrokerOrder.Status s) {
        return switch (s) {
            case NEW -> OrdStatus.NEW;
            case FILLED -> OrdStatus.FILLED;
            case CANCELLED -> OrdStatus.CANCELED;
            case REJECTED -> OrdStatus.REJECTED;
        };
    }

    private static BrokerOrder.OrderType type(char ordType) {
        return switch (ordType) {
            case OrdType.MARKET -> BrokerOrder.OrderType.MARKET;
            case OrdType.LIMIT -> BrokerOrder.OrderType.LIMIT;
            case OrdType.STOP_STOP_LOSS -> BrokerOrder.OrderType.STOP;
            default -> null;
        };
    }

    /** Sends to a client session; when the client is away the message is stored and resent when it asks. */
    void send(String clientCompId, Message m) {
        Session s = Session.lookupSession(new SessionID("FIX.4.4", properties.compId(), clientCompId));
        if (s == null) {
            log.info("local broker: no session for {} yet; it learns the order's state by asking", clientCompId);
            return;
        }
        s.send(m);
    }
}
