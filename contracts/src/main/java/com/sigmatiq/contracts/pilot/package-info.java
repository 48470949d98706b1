/** Events of pilot-service (Sigma Pilot, live trading) on {@code pilot.events}. */
package com.sigmatiq.contracts.pilot;
