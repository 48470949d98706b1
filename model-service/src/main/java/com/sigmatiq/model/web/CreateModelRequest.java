package com.sigmatiq.model.web;

import com.sigmatiq.kit.web.validation.SafeId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The seed's create-model request (section 2.1) plus {@code timeframe} and {@code pack_version}; JSON names are
 * snake_case. {@code user_id} is accepted for compatibility with the seed but ignored: the owner is always the
 * token's subject. {@code pack_id} and {@code pack_version} are checked ({@link SafeId}) before pack-service is asked.
 */
@Schema(description = "Create-model request (seed section 2.1). user_id is ignored: the owner is the token's subject.")
public record CreateModelRequest(
        @Schema(example = "spy_swing_momentum_v1") String modelId,
        @Schema(example = "swingsigma") @SafeId String packId,
        @Schema(description = "pack version; default the latest", example = "1.0.0") @SafeId String packVersion,
        @Schema(description = "ignored; the owner is the bearer token's subject", deprecated = true) String userId,
        @Schema(example = "SPY Momentum Swing") String name,
        String description,
        @Schema(description = "one of the pack's supported_instruments; default the pack's default_instrument", example = "stocks")
        String instrument,
        @Schema(description = "1-10 upper-case letters or '.'", example = "SPY") String ticker,
        @Schema(description = "bar size: 1m, 5m, 15m, 1h or 1d; default 5m", example = "5m") String timeframe,
        @Schema(example = "momentum_swing") String strategyId,
        @Schema(description = "pack indicator ids, in the order the configuration lists them; default all") List<String> selectedIndicators,
        @Schema(description = "pack feature ids; default all") List<String> selectedFeatures,
        @Schema(description = "conservative, balanced or aggressive; default balanced", example = "balanced") String riskProfile,
        @Schema(description = "strategy configuration keys (rsi_period, stop_loss_pct, ...); percent as written (6 = 6%)")
        Map<String, Object> parameterOverrides) {
}
