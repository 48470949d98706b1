/**
 * Kafka: job ids on {@code training.jobs} to the workers' consumer group, {@code training.completed} through the
 * kit's outbox, and the watch's schedule.
 */
package com.sigmatiq.training.messaging;
