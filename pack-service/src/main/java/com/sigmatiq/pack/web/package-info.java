/**
 * REST API of pack-service ({@code /packs}) and the problem details of its own errors (the service kit answers the
 * rest). Response records are serialised in snake_case; the engine's {@code Pack} is mapped to a structured JSON
 * view here.
 */
package com.sigmatiq.pack.web;
