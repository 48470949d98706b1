/** Wiring: typed properties and the bundled packs; security, problem details and the OpenAPI frame come from the service kit. */
package com.sigmatiq.pack.config;
