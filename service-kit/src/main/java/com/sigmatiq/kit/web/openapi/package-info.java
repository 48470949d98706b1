/**
 * The frame of each service's OpenAPI document (title, description, bearer JWT, snake_case schemas, and
 * extensions saying which operations act for the caller and which need a role), where springdoc is present.
 */
package com.sigmatiq.kit.web.openapi;
