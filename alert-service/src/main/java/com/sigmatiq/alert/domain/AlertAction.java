package com.sigmatiq.alert.domain;

/** What an alert asks for. */
public enum AlertAction {
    BUY, SELL
}
