/**
 * market-data-service (schema {@code marketdata}, port 8083): imports bar files with a validation report, stores bars
 * with their start in UTC and their exchange, serves them raw or adjusted, resampled by exchange session, as JSON or
 * as bulk binary/CSV streams, and publishes closed bars to Kafka {@code market.bars.<timeframe>} from a replay of
 * history or a live provider.
 */
package com.sigmatiq.marketdata;
