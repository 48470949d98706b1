/**
 * HTTP API: controllers, answers as records, the problem details of sweep errors and progress streams; security, the
 * base problem handling and strict request bodies come from the service kit.
 */
package com.sigmatiq.sweep.web;
