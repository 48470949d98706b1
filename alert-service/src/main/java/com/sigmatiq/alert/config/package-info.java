/**
 * alert-service's wiring: {@link com.sigmatiq.alert.config.DeliveryConfiguration} (secret sealer, alert topics, one
 * sender per destination, the dispatcher).
 */
package com.sigmatiq.alert.config;
