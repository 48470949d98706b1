/** pack-, training- and market-data-service over HTTP with the service's own token. */
package com.sigmatiq.sim.client;
