package com.sigmatiq.alert.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sigmatiq.alert.*}: delivery of alerts to their destinations.
 *
 * @param secretKey the passphrase whose SHA-256 is the AES-256 key sealing users' webhook secrets
 * @param dispatch  the dispatcher: how often it looks, its lease, its retries and its threads
 * @param push      the webhook sender's timeouts
 * @param kafka     the {@code sigma_sim} / {@code sigma_pilot} sender's timeout
 * @param mail      the e-mails' sender address (the SMTP server is {@code spring.mail.*})
 */
@ConfigurationProperties("sigmatiq.alert")
public record DeliveryProperties(@DefaultValue(DEV_SECRET_KEY) String secretKey, @DefaultValue Dispatch dispatch,
                                 @DefaultValue Push push, @DefaultValue Kafka kafka,
                                 @DefaultValue Mail mail) {

    /** The development default of {@link #secretKey()}: publicly known, warned about at start. */
    public static final String DEV_SECRET_KEY = "dev-only-insecure-alert-secret-key-change-me";

    /** Whether the secret key is the publicly known development default. */
    public boolean usesDevSecretKey() {
        return DEV_SECRET_KEY.equals(secretKey);
    }

    /**
     * @param enabled     run the dispatcher in this instance
     * @param interval    how often it looks for due rows
     * @param lease       a claimed row another dispatcher may take again after this long (its sender crashed); longer
     *                    than any sender's timeout
     * @param backoffBase the first retry's delay: {@code base · 2^(attempts − 1)}
     * @param backoffCap  the longest delay between two attempts
     * @param jitter      fraction, 0.2 = each delay drawn uniformly within ±20%
     * @param threads     senders per destination kind (a kind never waits for another's threads)
     */
    public record Dispatch(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration interval,
                           @DefaultValue("60s") Duration lease, @DefaultValue("1s") Duration backoffBase,
                           @DefaultValue("5m") Duration backoffCap, @DefaultValue("0.2") double jitter,
                           @DefaultValue Threads threads) {
    }

    /** Senders per destination kind. */
    public record Threads(@DefaultValue("2") int sigmaSim, @DefaultValue("2") int sigmaPilot,
                          @DefaultValue("4") int userEmail, @DefaultValue("8") int mobilePush) {

        public int of(String destination) {
            return switch (destination) {
                case Delivery.SIGMA_SIM -> sigmaSim;
                case Delivery.SIGMA_PILOT -> sigmaPilot;
                case Delivery.USER_EMAIL -> userEmail;
                case Delivery.MOBILE_PUSH -> mobilePush;
                default -> throw new IllegalArgumentException("unknown destination " + destination);
            };
        }
    }

    /**
     * @param connectTimeout       to open the connection to a user's webhook
     * @param requestTimeout       from sending the request to the answer's headers
     * @param allowPrivateTargets  webhooks may point to loopback, private and link-local addresses (a developer
     *                             machine; refused with profile 'prod', see {@link WebhookTargets})
     */
    public record Push(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
                       @DefaultValue("true") boolean allowPrivateTargets) {
    }

    /** @param sendTimeout until the broker acknowledges an alert (acks=all) */
    public record Kafka(@DefaultValue("10s") Duration sendTimeout) {
    }

    /** @param from the {@code From} address of alert e-mails */
    public record Mail(@DefaultValue("alerts@sigmatiq.local") String from) {
    }
}
