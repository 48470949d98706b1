/**
 * HTTP API: controllers, answers as records and progress streams. Security and every problem answer come from the
 * service kit: the domain's exceptions extend the kit's (invalid request, not found, conflict, unavailable).
 */
package com.sigmatiq.sweep.web;
