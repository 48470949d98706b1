package com.sigmatiq.pilot.domain;

/** Where order changes are announced as they happen (the server-sent events of an account). */
public interface OrderUpdates {

    /** {@code event}: {@code order}, {@code fill}, {@code refusal} or {@code connection}. */
    void send(String accountId, String event, Object data);
}
