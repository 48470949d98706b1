/**
 * Event contracts shared between Sigmatiq services: Kafka topic names ({@link com.sigmatiq.contracts.Topics}),
 * the envelope every event travels in ({@link com.sigmatiq.contracts.EventEnvelope}) and the list of event types with
 * their payload records and topics ({@link com.sigmatiq.contracts.EventType}).
 *
 * <p>Records and constants only, no behaviour: a service depends on this module and on {@code engine},
 * never on another service. Wire names are snake_case, pinned with {@code @JsonProperty} so they do not
 * depend on the naming strategy of whichever {@code ObjectMapper} serializes them. Times are ISO-8601 UTC.
 *
 * <p>Changing a record in a way an old consumer cannot read requires a new {@code version} value
 * in the envelope, not an edit in place.
 */
package com.sigmatiq.contracts;
