/** Outbound HTTP: the pack-service client behind the domain's {@code PackCatalog}, forwarding the caller's bearer token. */
package com.sigmatiq.model.client;
