/** Sweeps: request validation, the engine's sweep sessions, coordination, workers; ports to storage, messaging and other services. */
package com.sigmatiq.sweep.domain;
