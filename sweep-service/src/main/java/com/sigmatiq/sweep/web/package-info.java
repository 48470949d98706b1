/**
 * HTTP API (controllers, views) and HTTP clients of model-, pack- and market-data-service. Security and every problem
 * answer come from the service kit: the domain's exceptions extend the kit's (invalid request, not found, conflict,
 * unavailable).
 */
package com.sigmatiq.sweep.web;
