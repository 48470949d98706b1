/** Live accounts, limits, kill switches, sealed credentials and the broker adapter interface; no web, JDBC or Kafka. */
package com.sigmatiq.pilot.domain;
