/**
 * Outbound HTTP, forwarding the caller's bearer token: the pack-service client behind the domain's {@code PackCatalog}
 * and the training-service client behind {@code TrainedModels} (completed trained models to publish).
 */
package com.sigmatiq.model.client;
