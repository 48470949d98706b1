/**
 * Bars as columns, resampling by session (the engine's), price adjustment, gap reports, import options and reports,
 * the stores the service needs ({@link com.sigmatiq.marketdata.domain.BarStore},
 * {@link com.sigmatiq.marketdata.domain.ImportRunRepository}, {@link com.sigmatiq.marketdata.domain.ReplayRepository},
 * implemented in {@code persistence}), the bar stream format, and
 * {@link com.sigmatiq.marketdata.domain.BarQueryService} which answers range queries. {@code BarsNotFoundException}
 * is the service kit's not-found, answered 404 by the kit.
 */
package com.sigmatiq.marketdata.domain;
