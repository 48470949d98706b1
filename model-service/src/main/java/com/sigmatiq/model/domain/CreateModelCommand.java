package com.sigmatiq.model.domain;

import java.util.List;
import java.util.Map;

/**
 * A create-model request as the seed's section 2.1 writes it, plus {@code timeframe} and {@code pack_version}.
 * Any field may be null here; {@link ModelRequestValidator} says which are required.
 *
 * @param ownerId            the caller (JWT subject); the request's own {@code user_id} is ignored
 * @param selectedIndicators pack indicator ids in the order the configuration lists them; null = all of the pack's
 * @param selectedFeatures   pack feature ids; null = all of the pack's
 * @param parameterOverrides strategy configuration keys ({@code rsi_period}, {@code stop_loss_pct}, ...), applied in order
 * @param timeframe          bar size label; null = {@code 5m}
 * @param packVersion        null = the pack's latest version
 */
public record CreateModelCommand(String ownerId, String modelId, String packId, String packVersion, String name,
                                 String description, String instrument, String ticker, String timeframe,
                                 String strategyId, List<String> selectedIndicators, List<String> selectedFeatures,
                                 String riskProfile, Map<String, Object> parameterOverrides) {
}
