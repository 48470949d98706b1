/**
 * The runtime without infrastructure: {@link com.sigmatiq.alert.domain.ModelRuntime} turns a published model's bars
 * into evaluations and alerts with the engine's evaluator and the trained model's confidence;
 * {@link com.sigmatiq.alert.domain.AlertIds} derives an alert's id from (model, bar, action). Delivery:
 * {@link com.sigmatiq.alert.domain.RoutedDeliveryPlanner} decides an alert's rows,
 * {@link com.sigmatiq.alert.domain.DeliveryDispatcher} sends them through one
 * {@link com.sigmatiq.alert.domain.DeliverySender} per destination with {@link com.sigmatiq.alert.domain.RetryPolicy},
 * {@link com.sigmatiq.alert.domain.RoutingService} reads them back as routing, and
 * {@link com.sigmatiq.alert.domain.DestinationService} keeps users' destinations (secrets sealed by
 * {@link com.sigmatiq.alert.domain.SecretSealer}).
 */
package com.sigmatiq.alert.domain;
