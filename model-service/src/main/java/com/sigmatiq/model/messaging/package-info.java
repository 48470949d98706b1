/**
 * Outgoing model events: each state change publishes an {@link com.sigmatiq.contracts.EventEnvelope} as an
 * application event inside the database transaction; Spring Modulith's JDBC event publication registry
 * stores it in {@code model.event_publication} in that same transaction (the outbox) and externalizes it
 * to Kafka topic {@code model.events} (key = model id) after the commit. Publications that did not reach
 * Kafka are resubmitted at the next start.
 */
package com.sigmatiq.model.messaging;
