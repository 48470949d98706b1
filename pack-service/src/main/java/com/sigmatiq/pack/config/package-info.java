/** Wiring: typed properties, resource-server security with problem-detail 401/403, OpenAPI metadata. */
package com.sigmatiq.pack.config;
