/**
 * The exchange the local broker runs: orders as the broker holds them, the fill rule against bars ({@link
 * com.sigmatiq.localbroker.domain.Matching}) and the book of open orders. No FIX, no Kafka, no SQL here.
 */
package com.sigmatiq.localbroker.domain;
