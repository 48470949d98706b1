package com.sigmatiq.model.web;

import com.sigmatiq.kit.web.validation.SafeId;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The seed's {@code publish_request} (6.1) unchanged, plus {@code paper_equity} and {@code feed}; JSON names are
 * snake_case.
 */
@Schema(description = "Publish request (seed section 6.1) plus paper_equity and feed")
public record PublishRequest(
        @Schema(description = "a completed trained model of yours (GET /training/trained-models)",
                example = "spy_swing_momentum_v1_trained_001") @SafeId String trainedModelId,
        PublishSettingsBody publishSettings,
        @Schema(description = "starting equity of the paper account in dollars, above 0; default 50000", example = "50000")
        Double paperEquity,
        @Schema(description = "\"live\" (default) or {\"replay_id\": \"<id>\"} to follow one replay's bars", example = "live")
        Object feed) {

    /** The seed's {@code publish_settings}. */
    public record PublishSettingsBody(
            @Schema(description = "required, at most 200 characters", example = "SPY Morning Momentum") String name,
            @Schema(description = "at most 2000 characters") String description,
            @Schema(description = "the model's timeframe: 1_minute/1m, 5_minutes/5m, 15_minutes/15m, 1_hour/1h, "
                    + "1_day/1d/daily; default the model's", example = "5_minutes") String alertFrequency,
            @Schema(description = "BUY alerts per session at most, 1 to 1000", example = "3") Integer maxAlertsPerDay,
            @Schema(description = "paper-trade before going live; default true", example = "true") Boolean paperTradeFirst,
            @Schema(description = "NYSE trading sessions of paper trading, 1 to 260; required when paper_trade_first",
                    example = "14") Integer paperTradeDurationDays,
            @Schema(description = "the paper recommendation's rules to set instead of the defaults (docs/paper.md): any of"
                    + " min_trades (0 to 1000), win_rate_tolerance (0 to 1), sharpe_fraction_of_backtest (0 to 10),"
                    + " max_drawdown (above 0, at most 1), max_reconciliation_mismatches (0 to 1000)",
                    example = "{\"min_trades\": 8}") Object recommendationRules) {
    }
}
