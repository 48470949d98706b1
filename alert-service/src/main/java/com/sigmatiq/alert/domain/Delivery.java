package com.sigmatiq.alert.domain;

import java.time.Instant;

/**
 * One destination of one alert, stored with the alert (status {@code pending}) and dispatched from its row.
 *
 * @param destination one of {@link #SIGMA_SIM}, {@link #SIGMA_PILOT}, {@link #USER_EMAIL}, {@link #MOBILE_PUSH}
 * @param target      the e-mail address or webhook URL; null for the Kafka destinations
 * @param validUntil  after this the alert is stale: an undelivered row becomes {@code expired}
 */
public record Delivery(String alertId, String destination, String target, Instant validUntil) {

    /** Paper trading (sim-service): Kafka {@code alerts.paper}, for models that paper-trade. */
    public static final String SIGMA_SIM = "sigma_sim";
    /** Live trading (pilot-service): Kafka {@code alerts.live}, for live models. */
    public static final String SIGMA_PILOT = "sigma_pilot";
    /** E-mail over SMTP to the user's address. */
    public static final String USER_EMAIL = "user_email";
    /** A signed HTTP POST to the user's webhook. */
    public static final String MOBILE_PUSH = "mobile_push";

    /** Row statuses. */
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String RETRYING = "retrying";
    public static final String FAILED = "failed";
    public static final String EXPIRED = "expired";
}
