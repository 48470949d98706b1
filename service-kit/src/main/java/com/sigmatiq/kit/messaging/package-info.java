/**
 * The kit's messaging: one convention for every service.
 * <ul>
 *   <li><b>Envelopes.</b> Every event is an {@link com.sigmatiq.contracts.EventEnvelope} whose payload is a record of
 *       {@code contracts} listed in {@link com.sigmatiq.contracts.EventType}; {@link com.sigmatiq.kit.messaging.EventEnvelopeCodec}
 *       is its one JSON form (Kafka: {@link com.sigmatiq.kit.messaging.EventEnvelopeSerializer},
 *       {@link com.sigmatiq.kit.messaging.EventEnvelopeDeserializer}).</li>
 *   <li><b>Outbox.</b> {@link com.sigmatiq.kit.messaging.EventOutbox#publish} inside the transaction of the change;
 *       Spring Modulith's registry keeps it in {@code event_publication} and sends it to its type's topic after the
 *       commit.</li>
 *   <li><b>Direct sends</b> for facts that can be sent again from stored rows: {@link com.sigmatiq.kit.messaging.EventSender}.</li>
 *   <li><b>Inbox.</b> Listeners on the factory
 *       {@value com.sigmatiq.kit.messaging.KitMessagingAutoConfiguration#EVENT_LISTENER_FACTORY} receive typed envelopes
 *       and run their change through {@link com.sigmatiq.kit.messaging.Inbox#receive}, once per event id.</li>
 * </ul>
 * Tables come from the kit's Flyway locations {@code classpath:db/kit/outbox} and {@code classpath:db/kit/inbox}, which
 * a service adds to {@code spring.flyway.locations}. {@code docs/services.md}, section "Messaging", shows it end to end.
 */
package com.sigmatiq.kit.messaging;
