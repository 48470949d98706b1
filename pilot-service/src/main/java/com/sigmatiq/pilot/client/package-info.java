/** The broker adapters behind {@link com.sigmatiq.pilot.domain.BrokerAdapter}, one sub-package per protocol. */
package com.sigmatiq.pilot.client;
