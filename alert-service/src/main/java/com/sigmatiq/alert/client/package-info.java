/**
 * alert-service's outgoing calls: {@link com.sigmatiq.alert.client.MailAlertSender} ({@code user_email} over SMTP,
 * or to the log in local mode) and {@link com.sigmatiq.alert.client.WebhookAlertSender} ({@code mobile_push}, the
 * signed HTTP POST of the alert document).
 */
package com.sigmatiq.alert.client;
