/**
 * Payloads of the events that model-service publishes on {@link com.sigmatiq.contracts.Topics#MODEL_EVENTS}, each with
 * its envelope type name in {@code TYPE}. A model's status is one of {@code created, swept, trained, paper_trading,
 * paper_complete, live, alerting, paused, retired}; a publication's ({@code model.published},
 * {@code model.publication_status_changed}) one of {@code paper_trading, paper_complete, live, alerting, paused,
 * retired}.
 */
package com.sigmatiq.contracts.model;
