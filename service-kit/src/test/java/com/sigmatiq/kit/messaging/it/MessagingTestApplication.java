package com.sigmatiq.kit.messaging.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small service on the kit's messaging: {@link Widgets} changes a table and publishes through the outbox,
 * {@link SweepCompletions} consumes {@code sweep.events} through the inbox, {@link KafkaSwitch} breaks the producer on
 * demand. Runs with profile {@code kit-messaging}.
 */
@SpringBootApplication
public class MessagingTestApplication {

    static final String PROFILE = "kit-messaging";
}
