package com.sigmatiq.kit.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code sigmatiq.messaging.*}: how long the outbox and the inbox keep what they no longer need, and when the
 * outbox sends an incomplete publication again.
 *
 * @param outbox the outbox ({@code event_publication})
 * @param inbox  the inbox ({@code event_inbox})
 */
@ConfigurationProperties("sigmatiq.messaging")
public record KitMessagingProperties(@DefaultValue Outbox outbox, @DefaultValue Inbox inbox) {

    /**
     * @param keepCompleted    completed publications older than this are deleted (kept that long to look into)
     * @param cleanupInterval  how often they are deleted
     * @param resubmitAfter    a publication still incomplete this long after its commit is sent again: longer than a
     *                         send may take (the producer's {@code delivery.timeout.ms}, 2 min by default), so that
     *                         only sends that failed or were lost are repeated
     * @param resubmitInterval how often incomplete publications are looked for while the service runs (at a start every
     *                         incomplete one is sent again anyway)
     */
    public record Outbox(@DefaultValue("7d") Duration keepCompleted, @DefaultValue("1h") Duration cleanupInterval,
                         @DefaultValue("5m") Duration resubmitAfter, @DefaultValue("1m") Duration resubmitInterval) {
    }

    /**
     * @param keep            processed event ids are kept this long: longer than any topic's retention, since only a
     *                        message still on a topic can be delivered again
     * @param cleanupInterval how often older ones are deleted
     */
    public record Inbox(@DefaultValue("30d") Duration keep, @DefaultValue("1h") Duration cleanupInterval) {
    }
}
