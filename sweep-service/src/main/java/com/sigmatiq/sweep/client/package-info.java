/**
 * Outbound HTTP clients: model-service (models, pack files) and market-data-service (coverage, bulk bars), called
 * with the requesting user's token; they implement the domain's {@code ModelSource} and {@code BarSource}.
 */
package com.sigmatiq.sweep.client;
