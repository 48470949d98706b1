package com.sigmatiq.pilot.domain;

/** Announces approvals (through the outbox, in the transaction that stores them). */
public interface ApprovalEvents {

    void approved(Approval approval);
}
