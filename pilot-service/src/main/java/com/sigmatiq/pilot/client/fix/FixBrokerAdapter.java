package com.sigmatiq.pilot.client.fix;

import com.sigmatiq.pilot.domain.BrokerAdapter;
import com.sigmatiq.pilot.domain.BrokerEvents;
import com.sigmatiq.pilot.domain.BrokerException;
import com.sigmatiq.pilot.domain.ExecutionUpdate;
import com.sigmatiq.pilot.domain.LiveAccount;
import com.sigmatiq.pilot.domain.OrderState;
import com.sigmatiq.pilot.domain.OrderTicket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.JdbcStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.Account;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.Commission;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Password;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.field.Username;
import com.sigmatiq.pilot.domain.BrokerPosition;
import java.util.List;
import java.util.UUID;
import quickfix.field.AccountType;
import quickfix.field.ClearingBusinessDate;
import quickfix.field.LastRptRequested;
import quickfix.field.LongQty;
import quickfix.field.MassStatusReqID;
import quickfix.field.MassStatusReqType;
import quickfix.field.NoPositions;
import quickfix.field.PosReqID;
import quickfix.field.PosReqResult;
import quickfix.field.PosReqType;
import quickfix.field.SettlPrice;
import quickfix.field.ShortQty;
import quickfix.field.TotNumReports;
import quickfix.field.TotalNumPosReports;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderMassStatusRequest;
import quickfix.fix44.RequestForPositions;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderStatusRequest;

/**
 * One FIX account's initiator session. Session: FIX.4.4, our SenderCompID, the broker's TargetCompID, qualified by our
 * account id; sequence numbers in {@code fix_sessions} (QuickFIX/J's JDBC store) so that a restart resumes them and the
 * broker resends what we missed (fills while disconnected come back as possible duplicates, counted once by ExecID).
 * No QuickFIX/J message log is kept: a Logon carries the password.
 */
final class FixBrokerAdapter implements BrokerAdapter, Application {

    private static final Logger log = LoggerFactory.getLogger(FixBrokerAdapter.class);
    /** FIX OrdRejReason 5: unknown order — the answer to a status request for an order the broker never saw. */
    private static final int UNKNOWN_ORDER = OrdRejReason.UNKNOWN_ORDER;

    private final LiveAccount account;
    private final Map<String, String> credentials;
    private final BrokerEvents events;
    private final DataSource dataSource;
    private final SessionID sessionId;
    private final ConcurrentMap<String, CompletableFuture<Optional<ExecutionUpdate>>> lookups = new ConcurrentHashMap<>();
    private final AtomicLong cancelSequence = new AtomicLong(System.currentTimeMillis());
    /** Open mass status requests by MassStatusReqID: the reports so far, completed by the last one. */
    private final ConcurrentMap<String, Collecting<ExecutionUpdate>> massStatus = new ConcurrentHashMap<>();
    /** Open position requests by PosReqID. */
    private final ConcurrentMap<String, Collecting<BrokerPosition>> positionRequests = new ConcurrentHashMap<>();

    /** Reports of one request, complete when {@code expected} have come (-1: not known yet). */
    private static final class Collecting<T> {
        final List<T> items = new java.util.concurrent.CopyOnWriteArrayList<>();
        final CompletableFuture<List<T>> done = new CompletableFuture<>();
        volatile int expected = -1;

        void add(T item, boolean last) {
            items.add(item);
            check(last);
        }

        void check(boolean last) {
            if (last || (expected >= 0 && items.size() >= expected)) {
                done.complete(List.copyOf(items));
            }
        }
    }
    private volatile SocketInitiator initiator;
    private volatile boolean loggedOn;

    FixBrokerAdapter(LiveAccount account, Map<String, String> credentials, BrokerEvents events, DataSource dataSource) {
        this.account = account;
        this.credentials = Map.copyOf(credentials);
        this.events = events;
        this.dataSource = dataSource;
        this.sessionId = new SessionID("FIX.4.4", account.connection().senderCompId(), account.connection().targetCompId(),
                account.id());
    }

    @Override
    public synchronized void connect() {
        if (initiator != null) {
            return;
        }
        try {
            SessionSettings s = new SessionSettings();
            s.setString(sessionId, "ConnectionType", "initiator");
            s.setString(sessionId, "SocketConnectHost", account.connection().host());
            s.setLong(sessionId, "SocketConnectPort", account.connection().port());
            s.setLong(sessionId, "HeartBtInt", 10);
            s.setLong(sessionId, "ReconnectInterval", 1);
            s.setString(sessionId, "NonStopSession", "Y");
            s.setString(sessionId, "UseDataDictionary", "Y");
            s.setString(sessionId, "DataDictionary", "FIX44.xml");
            // no message bodies at rest: a resend request is answered with a gap fill, never a second order
            s.setString(sessionId, "PersistMessages", "N");
            s.setString(sessionId, "ResetOnLogon", "N");
            s.setString(sessionId, "ResetOnDisconnect", "N");
            s.setString(sessionId, "JdbcStoreSessionsTableName", "fix_sessions");
            s.setString(sessionId, "JdbcStoreMessagesTableName", "fix_messages");
            JdbcStoreFactory store = new JdbcStoreFactory(s);
            store.setDataSource(dataSource);
            SocketInitiator i = new SocketInitiator(this, store, s, FixEventLog.FACTORY, new DefaultMessageFactory());
            events.connectionState(account.id(), "connecting");
            i.start();
            initiator = i;
        } catch (ConfigError e) {
            throw new IllegalStateException("the FIX session of account " + account.id() + " cannot start: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean connected() {
        return loggedOn;
    }

    @Override
    public void send(OrderTicket t) throws BrokerException {
        NewOrderSingle m = new NewOrderSingle(new ClOrdID(t.clientOrderId()), side(t), new TransactTime(now()),
                new OrdType(t.type() == OrderTicket.OrderType.LIMIT ? OrdType.LIMIT : OrdType.MARKET));
        if (t.brokerAccount() != null) {
            m.set(new Account(t.brokerAccount()));
        }
        m.set(new Symbol(t.ticker()));
        m.set(new OrderQty(t.quantity()));
        if (t.type() == OrderTicket.OrderType.LIMIT) {
            m.set(new Price(t.limitPrice()));
        }
        m.set(new TimeInForce(t.timeInForce() == OrderTicket.TimeInForce.GTC ? TimeInForce.GOOD_TILL_CANCEL : TimeInForce.DAY));
        deliver(m, "order " + t.clientOrderId());
    }

    @Override
    public void cancel(OrderTicket t) throws BrokerException {
        OrderCancelRequest m = new OrderCancelRequest(new OrigClOrdID(t.clientOrderId()),
                new ClOrdID(t.clientOrderId() + ".cxl." + cancelSequence.incrementAndGet()), side(t), new TransactTime(now()));
        m.set(new Symbol(t.ticker()));
        m.set(new OrderQty(t.quantity()));
        deliver(m, "cancel of " + t.clientOrderId());
    }

    @Override
    public Optional<ExecutionUpdate> lookup(OrderTicket t, Duration timeout) throws BrokerException {
        CompletableFuture<Optional<ExecutionUpdate>> answer = new CompletableFuture<>();
        CompletableFuture<Optional<ExecutionUpdate>> earlier = lookups.putIfAbsent(t.clientOrderId(), answer);
        if (earlier != null) {
            answer = earlier;
        } else {
            OrderStatusRequest m = new OrderStatusRequest(new ClOrdID(t.clientOrderId()), side(t));
            m.set(new Symbol(t.ticker()));
            try {
                deliver(m, "status request for " + t.clientOrderId());
            } catch (BrokerException e) {
                lookups.remove(t.clientOrderId(), answer);
                throw e;
            }
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BrokerException("no answer to the status request for " + t.clientOrderId() + " within " + timeout);
        } catch (ExecutionException e) {
            throw new BrokerException("the status request for " + t.clientOrderId() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while waiting for the status of " + t.clientOrderId());
        } finally {
            lookups.remove(t.clientOrderId(), answer);
        }
    }

    /** OrderMassStatusRequest (all orders of the account): one status report per open order at the broker. */
    @Override
    public List<ExecutionUpdate> openOrders(Duration timeout) throws BrokerException {
        String id = "MS-" + UUID.randomUUID();
        Collecting<ExecutionUpdate> c = new Collecting<>();
        massStatus.put(id, c);
        try {
            OrderMassStatusRequest m = new OrderMassStatusRequest(new MassStatusReqID(id),
                    new MassStatusReqType(MassStatusReqType.STATUS_FOR_ALL_ORDERS));
            m.set(new Account(account.accountId()));
            deliver(m, "order mass status request");
            return await(c.done, timeout, "the open orders");
        } finally {
            massStatus.remove(id);
        }
    }

    /** RequestForPositions: the acknowledgement says how many PositionReports follow. */
    @Override
    public List<BrokerPosition> positions(Duration timeout) throws BrokerException {
        String id = "POS-" + UUID.randomUUID();
        Collecting<BrokerPosition> c = new Collecting<>();
        positionRequests.put(id, c);
        try {
            RequestForPositions m = new RequestForPositions(new PosReqID(id), new PosReqType(PosReqType.POSITIONS),
                    new Account(account.accountId()), new AccountType(AccountType.ACCOUNT_IS_CARRIED_ON_CUSTOMER_SIDE_OF_THE_BOOKS),
                    new ClearingBusinessDate(java.time.LocalDate.now(ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)),
                    new TransactTime(now()));
            deliver(m, "request for positions");
            return await(c.done, timeout, "the positions");
        } finally {
            positionRequests.remove(id);
        }
    }

    private static <T> List<T> await(CompletableFuture<List<T>> done, Duration timeout, String what) throws BrokerException {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BrokerException("the broker did not answer with " + what + " within " + timeout);
        } catch (ExecutionException e) {
            throw new BrokerException("asking for " + what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while waiting for " + what);
        }
    }

    @Override
    public synchronized void close() {
        SocketInitiator i = initiator;
        initiator = null;
        if (i != null) {
            i.stop(true);
        }
        loggedOn = false;
    }

    private void deliver(Message m, String what) throws BrokerException {
        if (!loggedOn) {
            throw new BrokerException("the FIX session of account " + account.id() + " is not logged on; " + what + " not sent");
        }
        Session session = Session.lookupSession(sessionId);
        if (session == null || !session.send(m)) {
            throw new BrokerException("the FIX session of account " + account.id() + " did not send the " + what);
        }
    }

    // --- QuickFIX/J callbacks ---

    @Override
    public void onCreate(SessionID id) {
    }

    @Override
    public void onLogon(SessionID id) {
        loggedOn = true;
        events.connectionState(account.id(), "connected");
    }

    @Override
    public void onLogout(SessionID id) {
        loggedOn = false;
        events.connectionState(account.id(), "disconnected");
    }

    @Override
    public void toAdmin(Message message, SessionID id) {
        try {
            if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD))) {
                String user = credentials.get("username");
                String password = credentials.get("password");
                if (user != null) {
                    message.setField(new Username(user));
                }
                if (password != null) {
                    message.setField(new Password(password));
                }
            }
        } catch (FieldNotFound e) {
            // a header without MsgType is not ours to fix
        }
    }

    @Override
    public void fromAdmin(Message message, SessionID id) {
    }

    @Override
    public void toApp(Message message, SessionID id) {
    }

    @Override
    public void fromApp(Message message, SessionID id) throws FieldNotFound {
        String type = message.getHeader().getString(MsgType.FIELD);
        if (MsgType.REQUEST_FOR_POSITIONS_ACK.equals(type) || MsgType.POSITION_REPORT.equals(type)) {
            position(message, type);
            return;
        }
        if (MsgType.EXECUTION_REPORT.equals(type) && message.isSetField(MassStatusReqID.FIELD)) {
            Collecting<ExecutionUpdate> c = massStatus.get(message.getString(MassStatusReqID.FIELD));
            if (c != null) {
                boolean last = message.isSetField(LastRptRequested.FIELD) && message.getBoolean(LastRptRequested.FIELD);
                if (message.isSetField(TotNumReports.FIELD) && message.getInt(TotNumReports.FIELD) == 0) {
                    c.check(true);  // "no orders"
                } else {
                    c.add(update(message), last);
                }
            }
            return;  // the reconciler asked; the orders' own lookups apply reports
        }
        if (!MsgType.EXECUTION_REPORT.equals(type)) {
            if (MsgType.ORDER_CANCEL_REJECT.equals(message.getHeader().getString(MsgType.FIELD))) {
                log.info("account {}: cancel of {} refused by the broker: {}", account.id(),
                        message.isSetField(OrigClOrdID.FIELD) ? message.getString(OrigClOrdID.FIELD) : "?",
                        message.isSetField(Text.FIELD) ? message.getString(Text.FIELD) : "no reason given");
            }
            return;
        }
        ExecutionUpdate u = update(message);
        if (u.kind() == ExecutionUpdate.Kind.STATUS || u.kind() == ExecutionUpdate.Kind.UNKNOWN_ORDER) {
            CompletableFuture<Optional<ExecutionUpdate>> waiting = lookups.get(u.clientOrderId());
            if (waiting != null) {
                waiting.complete(u.kind() == ExecutionUpdate.Kind.UNKNOWN_ORDER ? Optional.empty() : Optional.of(u));
            }
            if (u.kind() == ExecutionUpdate.Kind.UNKNOWN_ORDER) {
                return;
            }
        }
        events.execution(account.id(), u);
    }

    private void position(Message m, String type) throws FieldNotFound {
        Collecting<BrokerPosition> c = m.isSetField(PosReqID.FIELD) ? positionRequests.get(m.getString(PosReqID.FIELD)) : null;
        if (c == null) {
            return;
        }
        if (MsgType.REQUEST_FOR_POSITIONS_ACK.equals(type)) {
            c.expected = m.isSetField(TotalNumPosReports.FIELD) ? m.getInt(TotalNumPosReports.FIELD) : 0;
            if (m.isSetField(PosReqResult.FIELD) && m.getInt(PosReqResult.FIELD) != PosReqResult.VALID_REQUEST
                    && m.getInt(PosReqResult.FIELD) != PosReqResult.NO_POSITIONS_FOUND_THAT_MATCH_CRITERIA) {
                c.done.completeExceptionally(new BrokerException("the broker refused the position request (PosReqResult "
                        + m.getInt(PosReqResult.FIELD) + ")"));
                return;
            }
            c.check(false);
            return;
        }
        long qty = 0;
        for (quickfix.Group g : m.getGroups(NoPositions.FIELD)) {
            qty += (long) (g.isSetField(LongQty.FIELD) ? g.getDouble(LongQty.FIELD) : 0)
                    - (long) (g.isSetField(ShortQty.FIELD) ? g.getDouble(ShortQty.FIELD) : 0);
        }
        c.add(new BrokerPosition(m.getString(Symbol.FIELD), qty, m.isSetField(SettlPrice.FIELD) ? m.getDouble(SettlPrice.FIELD) : 0),
                false);
    }

    static ExecutionUpdate update(Message m) throws FieldNotFound {
        String clOrdId = m.isSetField(OrigClOrdID.FIELD) ? m.getString(OrigClOrdID.FIELD) : m.getString(ClOrdID.FIELD);
        char execType = m.getChar(ExecType.FIELD);
        char ordStatus = m.getChar(OrdStatus.FIELD);
        long cum = (long) m.getDouble(CumQty.FIELD);
        OrderState state = switch (ordStatus) {
            case OrdStatus.NEW -> OrderState.ACKNOWLEDGED;
            case OrdStatus.PARTIALLY_FILLED -> OrderState.PARTIALLY_FILLED;
            case OrdStatus.FILLED -> OrderState.FILLED;
            case OrdStatus.CANCELED -> OrderState.CANCELLED;
            case OrdStatus.REJECTED -> OrderState.REJECTED;
            case OrdStatus.EXPIRED -> OrderState.EXPIRED;
            case OrdStatus.PENDING_NEW -> OrderState.SENT;
            default -> cum > 0 ? OrderState.PARTIALLY_FILLED : OrderState.ACKNOWLEDGED;  // pending cancel/replace etc.
        };
        ExecutionUpdate.Kind kind = switch (execType) {
            case ExecType.NEW -> ExecutionUpdate.Kind.NEW;
            case ExecType.TRADE -> state == OrderState.FILLED ? ExecutionUpdate.Kind.FILL : ExecutionUpdate.Kind.PARTIAL_FILL;
            case ExecType.CANCELED -> ExecutionUpdate.Kind.CANCELLED;
            case ExecType.REJECTED -> ExecutionUpdate.Kind.REJECTED;
            case ExecType.EXPIRED -> ExecutionUpdate.Kind.EXPIRED;
            case ExecType.ORDER_STATUS -> ordStatus == OrdStatus.REJECTED && m.isSetField(OrdRejReason.FIELD)
                    && m.getInt(OrdRejReason.FIELD) == UNKNOWN_ORDER ? ExecutionUpdate.Kind.UNKNOWN_ORDER : ExecutionUpdate.Kind.STATUS;
            default -> ExecutionUpdate.Kind.STATUS;
        };
        long lastQty = m.isSetField(LastQty.FIELD) ? (long) m.getDouble(LastQty.FIELD) : 0;
        double lastPx = m.isSetField(LastPx.FIELD) ? m.getDouble(LastPx.FIELD) : Double.NaN;
        double avg = m.isSetField(AvgPx.FIELD) && cum > 0 ? m.getDouble(AvgPx.FIELD) : Double.NaN;
        double commission = m.isSetField(Commission.FIELD) ? m.getDouble(Commission.FIELD) : 0;
        Instant time = m.isSetField(TransactTime.FIELD) ? m.getUtcTimeStamp(TransactTime.FIELD).toInstant(ZoneOffset.UTC) : Instant.now();
        return new ExecutionUpdate(clOrdId, m.isSetField(OrderID.FIELD) ? m.getString(OrderID.FIELD) : null,
                m.getString(ExecID.FIELD), kind, state, lastQty, lastPx, cum, avg, commission,
                m.isSetField(Text.FIELD) ? m.getString(Text.FIELD) : null, time);
    }

    private static Side side(OrderTicket t) {
        return new Side(t.side() == OrderTicket.Side.BUY ? Side.BUY : Side.SELL);
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
