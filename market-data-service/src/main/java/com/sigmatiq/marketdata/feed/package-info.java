/**
 * The bar feed: replay of stored history at a chosen speed with a restart-safe cursor, and the live-provider adapter.
 * Its not-found and conflict exceptions are the service kit's, answered 404 and 409 by the kit.
 */
package com.sigmatiq.marketdata.feed;
