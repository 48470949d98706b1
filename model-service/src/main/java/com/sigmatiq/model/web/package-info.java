/**
 * HTTP adapter: the REST controller for {@code /models}, its request and response bodies, and the mapping of domain
 * errors to RFC 9457 problem details.
 */
package com.sigmatiq.model.web;
