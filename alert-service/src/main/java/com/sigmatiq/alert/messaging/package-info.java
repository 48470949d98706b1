/**
 * alert-service's Kafka side: {@link com.sigmatiq.alert.messaging.KafkaAlertSender} delivers {@code sigma_sim} and
 * {@code sigma_pilot} rows as plain alert documents on {@link com.sigmatiq.alert.messaging.AlertTopics}
 * ({@code alerts.paper}, {@code alerts.live}), keyed by published model, header {@code alert_id}.
 */
package com.sigmatiq.alert.messaging;
