package com.sigmatiq.localbroker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;
import quickfix.field.OrigClOrdID;
import quickfix.field.Password;
import quickfix.field.Username;

/** A FIX 4.4 client session for the tests: logs on with a user name and password, keeps every message it receives. */
final class FixClient implements Application, AutoCloseable {

    final SessionID session;
    final List<Message> received = new CopyOnWriteArrayList<>();
    private final SocketInitiator initiator;
    private volatile boolean loggedOn;

    FixClient(String compId, int port) throws ConfigError {
        session = new SessionID("FIX.4.4", compId, "LOCALBROKER");
        SessionSettings s = new SessionSettings();
        s.setString(session, "ConnectionType", "initiator");
        s.setString(session, "SocketConnectHost", "127.0.0.1");
        s.setLong(session, "SocketConnectPort", port);
        s.setLong(session, "HeartBtInt", 10);
        s.setLong(session, "ReconnectInterval", 1);
        s.setString(session, "NonStopSession", "Y");
        s.setString(session, "ResetOnLogon", "Y");
        s.setString(session, "UseDataDictionary", "Y");
        s.setString(session, "DataDictionary", "FIX44.xml");
        initiator = new SocketInitiator(this, new MemoryStoreFactory(), s, id -> new quickfix.Log() {
            @Override public void clear() { }
            @Override public void onIncoming(String m) { }
            @Override public void onOutgoing(String m) { }
            @Override public void onEvent(String t) { }
            @Override public void onErrorEvent(String t) { }
        }, new DefaultMessageFactory());
        initiator.start();
        Awaitility.await("logon of " + compId).atMost(Duration.ofSeconds(20)).until(() -> loggedOn);
    }

    void send(Message m) {
        Session.lookupSession(session).send(m);
    }

    /** The messages received about one client order id (ClOrdID or OrigClOrdID). */
    List<Message> about(String clOrdId) {
        return received.stream().filter(m -> clOrdId.equals(field(m, ClOrdID.FIELD)) || clOrdId.equals(field(m, OrigClOrdID.FIELD)))
                .toList();
    }

    static String field(Message m, int tag) {
        try {
            return m.isSetField(tag) ? m.getString(tag) : null;
        } catch (FieldNotFound e) {
            return null;
        }
    }

    @Override
    public void close() {
        initiator.stop(true);
    }

    @Override public void onCreate(SessionID id) { }
    @Override public void onLogon(SessionID id) { loggedOn = true; }
    @Override public void onLogout(SessionID id) { loggedOn = false; }

    @Override
    public void toAdmin(Message m, SessionID id) {
        try {
            if (MsgType.LOGON.equals(m.getHeader().getString(MsgType.FIELD))) {
                m.setField(new Username("trader"));
                m.setField(new Password("local-broker-test-password"));
            }
        } catch (FieldNotFound e) {
            // no type: not ours
        }
    }

    @Override public void fromAdmin(Message m, SessionID id) { }
    @Override public void toApp(Message m, SessionID id) { }

    @Override
    public void fromApp(Message m, SessionID id) {
        received.add(m);
    }
}
