package com.sigmatiq.model.web;

import java.time.Instant;

/**
 * The seed's {@code publish_response}: {@code {"success": true, "published_model": {id, status, paper_trade_start,
 * paper_trade_end, live_date}}}; the three dates are null for a model published without paper trading.
 */
public record PublishResponse(boolean success, Published publishedModel) {

    public record Published(String id, String status, Instant paperTradeStart, Instant paperTradeEnd, Instant liveDate) {
    }
}
