/** The bar feed: replay of stored history at a chosen speed with a restart-safe cursor, and the live-provider adapter. */
package com.sigmatiq.marketdata.feed;
