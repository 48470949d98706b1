/** The REST API under {@code /sim}: accounts, trades, equity, performance and server-sent events. */
package com.sigmatiq.sim.web;
