/**
 * The kit's web plumbing ({@link com.sigmatiq.kit.web.KitWebAutoConfiguration}): clock, resource-server security and
 * roles ({@code security}), problem details ({@code problem}), strict request bodies ({@code json}), id constraints
 * ({@code validation}) and the OpenAPI frame ({@code openapi}). A service gets all of it by depending on
 * {@code service-kit}; {@code docs/services.md} ("The kit") lists the properties.
 */
package com.sigmatiq.kit.web;
