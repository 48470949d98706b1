/** The frame of each service's OpenAPI document (title, description, bearer JWT, snake_case schemas), where springdoc is present. */
package com.sigmatiq.kit.web.openapi;
