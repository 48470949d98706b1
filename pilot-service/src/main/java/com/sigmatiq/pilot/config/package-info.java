/** Wiring: the credential sealer from configuration (the key never in the database). */
package com.sigmatiq.pilot.config;
