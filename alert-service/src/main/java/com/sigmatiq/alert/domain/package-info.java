/**
 * The runtime without infrastructure: {@link com.sigmatiq.alert.domain.ModelRuntime} turns a published model's bars
 * into evaluations and alerts with the engine's evaluator and the trained model's confidence;
 * {@link com.sigmatiq.alert.domain.AlertIds} derives an alert's id from (model, bar, action).
 */
package com.sigmatiq.alert.domain;
