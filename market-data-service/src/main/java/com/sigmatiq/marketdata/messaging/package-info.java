/**
 * Kafka: the bar feed's publisher and topic names. The event record ({@code BarClosed}) lives in {@code contracts};
 * sends go through the service kit's direct {@code EventSender} (no outbox: see docs/services.md, "Messaging").
 */
package com.sigmatiq.marketdata.messaging;
