/** Sweep events: payload records of {@code sweep.events}. */
package com.sigmatiq.contracts.sweep;
