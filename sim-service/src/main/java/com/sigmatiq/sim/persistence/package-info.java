/** The store on the {@code sim} schema: accounts, feed bars, alerts. */
package com.sigmatiq.sim.persistence;
