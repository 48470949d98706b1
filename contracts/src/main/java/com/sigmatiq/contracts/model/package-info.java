/**
 * Payloads of the model lifecycle events that model-service publishes on
 * {@link com.sigmatiq.contracts.Topics#MODEL_EVENTS}, each with its envelope type name in {@code TYPE}.
 * Status values are the lifecycle names in lower case:
 * {@code created, swept, trained, published, paper_trading, live, retired}.
 */
package com.sigmatiq.contracts.model;
