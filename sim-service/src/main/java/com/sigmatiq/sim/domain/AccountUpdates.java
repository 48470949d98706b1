package com.sigmatiq.sim.domain;

/** Where fills and marks go as they happen (the accounts' server-sent event streams). */
public interface AccountUpdates {

    /** Whether anyone listens to this owner's accounts (so that nothing is built for nobody). */
    boolean listening(String ownerId);

    /** One event of an account: {@code fill}, {@code mark} or {@code completed}. */
    void send(Account account, String event, Object data);
}
