/** JDBC storage of sweeps, their combinations and results in schema {@code sweep}. */
package com.sigmatiq.sweep.persistence;
