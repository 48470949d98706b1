/**
 * model-service: models created from packs (schema {@code model}, port 8082). A model pins a pack version,
 * an instrument, a timeframe, one strategy, a subset of indicators and features and parameter overrides;
 * the service validates them with the engine, writes the effective configuration, keeps the lifecycle
 * status, publishes trained models ({@code /published-models}, seed 6.1) and announces every change on Kafka topic
 * {@code model.events} through a transactional outbox.
 */
package com.sigmatiq.model;
