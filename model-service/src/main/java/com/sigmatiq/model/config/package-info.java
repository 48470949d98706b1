/** Spring wiring: typed properties, security (OAuth2 resource server), HTTP clients, YAML output, OpenAPI. */
package com.sigmatiq.model.config;
