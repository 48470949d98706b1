/**
 * What a service reads from the platform's other services with its own token: {@link com.sigmatiq.clients.PlatformServices}
 * (pack files, trained models' artifacts, stored bars and series) at {@link com.sigmatiq.clients.ServiceEndpoints}.
 * Services adapt it to their own ports (alert-service's and sim-service's {@code RuntimeSources}).
 */
package com.sigmatiq.clients;
