/** Test support: SPY bars, the alerts alert-service would send, upstream stand-ins. */
package com.sigmatiq.sim.support;
