/**
 * alert-service's HTTP API: {@code /alerts/destinations} (the caller's defaults and per published model overrides;
 * the webhook secret is write-only).
 */
package com.sigmatiq.alert.web;
