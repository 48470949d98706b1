/** Paper-trading events: payload records of {@code paper.events} (sim-service). */
package com.sigmatiq.contracts.paper;
