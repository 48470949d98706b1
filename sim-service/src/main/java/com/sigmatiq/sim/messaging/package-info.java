/** Kafka: publications and bars in (inbox), alerts in ({@code alerts.paper}), {@code paper.completed} out (outbox). */
package com.sigmatiq.sim.messaging;
