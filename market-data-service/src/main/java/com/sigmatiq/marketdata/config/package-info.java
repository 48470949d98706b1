/** Typed properties and Kafka topics; security, clock and identity come from the service kit. */
package com.sigmatiq.marketdata.config;
