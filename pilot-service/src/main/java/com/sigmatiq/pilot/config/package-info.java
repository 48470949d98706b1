/**
 * Wiring: the credential sealer from configuration (the key never in the database), the broker connections, the
 * order flow, reconciliation and the start-up and per-minute rounds.
 */
package com.sigmatiq.pilot.config;
