package com.sigmatiq.gateway.web;

import com.sigmatiq.gateway.domain.LoginThrottle;

/** A login refused by the {@link LoginThrottle} before its password was checked. */
final class LoginThrottledException extends RuntimeException {

    private final transient LoginThrottle.Refusal refusal;

    LoginThrottledException(LoginThrottle.Refusal refusal) {
        super(refusal.reason(), null, false, false);
        this.refusal = refusal;
    }

    LoginThrottle.Refusal refusal() {
        return refusal;
    }
}
