/**
 * Live accounts, limits, kill switches, sealed credentials, approvals, the risk checks, the order flow and its state
 * machine, reconciliation, and the broker adapter interface; no web, JDBC or Kafka.
 */
package com.sigmatiq.pilot.domain;
