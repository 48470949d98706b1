/** The {@code pilot} schema behind {@link com.sigmatiq.pilot.domain.PilotStore}. */
package com.sigmatiq.pilot.persistence;
