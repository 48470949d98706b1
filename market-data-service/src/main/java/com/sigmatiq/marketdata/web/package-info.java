/**
 * REST endpoints (imports, bars, calendar and gaps, replays) and the problem details of market-data's own errors;
 * security, the base problem handling and strict request bodies come from the service kit. Imports and replays need
 * the {@code operator} role; reads are open to every user.
 */
package com.sigmatiq.marketdata.web;
