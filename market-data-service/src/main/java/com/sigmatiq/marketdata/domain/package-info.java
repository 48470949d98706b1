/** Bars as columns, the US session calendar, resampling by session, price adjustment, gap reports, import options and
 * reports (plain Java), and {@link com.sigmatiq.marketdata.domain.BarQueryService} which answers range queries. */
package com.sigmatiq.marketdata.domain;
