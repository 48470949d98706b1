/** Closed bars from Kafka {@code market.bars.*}, read as the feeds publish them, for the exchange to fill against. */
package com.sigmatiq.localbroker.messaging;
