/**
 * Kafka: work chunks ({@code sweep.work}) and results ({@code sweep.results}), the service's own topics, idempotent by
 * what they carry; and sweep events ({@code sweep.events}), published through the service kit's outbox in the
 * transaction of the change they announce.
 */
package com.sigmatiq.sweep.messaging;
