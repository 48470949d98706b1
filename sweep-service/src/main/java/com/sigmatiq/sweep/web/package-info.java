/**
 * HTTP API (controllers, views, the problem details of sweep errors) and HTTP clients of model-, pack- and
 * market-data-service; security, the base problem handling and strict request bodies come from the service kit.
 */
package com.sigmatiq.sweep.web;
