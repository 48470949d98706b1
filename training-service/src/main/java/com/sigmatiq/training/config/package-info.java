/** Wiring: upstream endpoints, Kafka topics and the workers' listener container. */
package com.sigmatiq.training.config;
