/** Typed properties, security (OAuth2 resource server), clock, Kafka topics. */
package com.sigmatiq.marketdata.config;
