package com.sigmatiq.pilot.domain;

/**
 * How to reach the broker; which fields are needed depends on the broker ({@link NewAccount#problems()}).
 *
 * @param host         FIX: the acceptor's host
 * @param port         FIX: the acceptor's port
 * @param senderCompId FIX: our SenderCompID
 * @param targetCompId FIX: the broker's TargetCompID
 * @param baseUrl      Alpaca or Interactive Brokers: the API's base URL (Alpaca: paper or live)
 */
public record Connection(String host, Integer port, String senderCompId, String targetCompId, String baseUrl) {
}
