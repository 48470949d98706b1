package com.sigmatiq.pilot.client.fix;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/**
 * QuickFIX/J's session log, replaced: session events go to SLF4J, messages nowhere (a Logon carries the password, an
 * order the account). An event that quotes a message has its Username (553) and Password (554) values blanked.
 * Without this, QuickFIX/J prints every message to standard output.
 */
final class FixEventLog implements Log {

    /** The factory to hand to QuickFIX/J. */
    static final LogFactory FACTORY = FixEventLog::new;

    private static final Logger log = LoggerFactory.getLogger(FixEventLog.class);
    private static final Pattern SECRET_FIELDS = Pattern.compile("(^|\u0001)(553|554)=[^\u0001]*");

    private final String session;

    private FixEventLog(SessionID id) {
        this.session = id.toString();
    }

    static String redact(String text) {
        return text == null ? null : SECRET_FIELDS.matcher(text).replaceAll("$1$2=***");
    }

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
        log.debug("{}: {}", session, redact(text));
    }

    @Override
    public void onErrorEvent(String text) {
        log.warn("{}: {}", session, redact(text));
    }
}
