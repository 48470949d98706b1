/**
 * REST API of pack-service ({@code /packs}) and its RFC 9457 error mapping. Response records are
 * serialised in snake_case; the engine's {@code Pack} is mapped to a structured JSON view here.
 */
package com.sigmatiq.pack.web;
