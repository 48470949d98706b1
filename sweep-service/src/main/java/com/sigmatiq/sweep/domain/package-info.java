/**
 * Sweeps: request validation, the engine's sweep sessions, coordination, workers; ports to storage, messaging and
 * other services. Its exceptions extend the service kit's (invalid request, not found, conflict, unavailable), which
 * answers them as problem details.
 */
package com.sigmatiq.sweep.domain;
