package com.sigmatiq.localbroker.fix;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QuickFIX/J's log for the acceptor: no message is logged (a client's Logon carries its password); session events go
 * to the application log at debug, errors at warn, with any Password (554) or Username (553) blanked.
 */
final class QuietFixLog implements quickfix.Log {

    static final QuietFixLog INSTANCE = new QuietFixLog();
    private static final Logger log = LoggerFactory.getLogger("com.sigmatiq.localbroker.fix.session");

    private QuietFixLog() {
    }

    static String blanked(String text) {
        return text == null ? null : text.replaceAll("(^|\u0001)(553|554)=[^\u0001]*", "$1$2=***");
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
        log.debug("{}", blanked(text));
    }

    @Override
    public void onErrorEvent(String text) {
        log.warn("{}", blanked(text));
    }
}
