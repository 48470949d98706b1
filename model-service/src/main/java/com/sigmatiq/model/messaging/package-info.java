/**
 * Kafka, through the service kit. Outgoing: each model or publication change publishes its event through the kit's
 * {@link com.sigmatiq.kit.messaging.EventOutbox} inside the change's transaction, so it is stored in
 * {@code model.event_publication} with the change and sent to {@code model.events} (key = model id, or the published
 * id for {@code model.published} and {@code model.publication_status_changed}) after the commit;
 * what did not reach Kafka is sent again. Incoming, one listener per topic: {@code sweep.events}
 * ({@code sweep.completed}: created → swept) and {@code training.events} ({@code training.completed}: swept →
 * trained), typed by the kit's listener factory and handled once per event id through the kit's
 * {@link com.sigmatiq.kit.messaging.Inbox}.
 */
package com.sigmatiq.model.messaging;
