/** The services' OpenAPI documents: title and description from {@code sigmatiq.api.*}, bearer security, snake_case schemas. */
package com.sigmatiq.kit.openapi;
