/** Spring configuration: Kafka topics and listener containers, properties; security and clock come from the service kit. */
package com.sigmatiq.sweep.config;
