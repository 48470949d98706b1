/** Bars as columns, the US session calendar, resampling by session, price adjustment, gap reports, import options and
 * reports (plain Java), and {@link com.sigmatiq.marketdata.domain.BarQueryService} which answers range queries.
 * {@code BarsNotFoundException} is the service kit's not-found, answered 404 by the kit. */
package com.sigmatiq.marketdata.domain;
