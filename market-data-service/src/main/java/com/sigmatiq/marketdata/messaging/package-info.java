/** Kafka: the bar-closed event, its topic names and the publisher. */
package com.sigmatiq.marketdata.messaging;
