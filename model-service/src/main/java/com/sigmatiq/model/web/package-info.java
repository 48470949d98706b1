/**
 * HTTP adapter: the REST controller for {@code /models}, its request and response bodies, and the problem details
 * of model errors. Security, the base problem handling and strict request bodies come from the service kit.
 */
package com.sigmatiq.model.web;
