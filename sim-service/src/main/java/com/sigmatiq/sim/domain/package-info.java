/** Paper accounts, their books (the engine's fill and position code driven by alerts and bars), performance, reconciliation and recommendation. */
package com.sigmatiq.sim.domain;
