/** Spring configuration: security, Kafka topics and listener containers, properties. */
package com.sigmatiq.sweep.config;
