/** Spring wiring: typed properties, HTTP clients, YAML output; security, clock and the OpenAPI frame come from the service kit. */
package com.sigmatiq.model.config;
