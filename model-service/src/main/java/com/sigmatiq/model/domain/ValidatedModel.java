package com.sigmatiq.model.domain;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.util.List;

/**
 * A create request that passed every check, with defaults filled in.
 *
 * @param strategyConfig the pack's defaults for the strategy with the request's overrides applied
 */
public record ValidatedModel(Pack pack, String instrument, String ticker, Timeframe timeframe, String riskProfile,
                             List<String> selectedIndicators, List<String> selectedFeatures,
                             StrategyConfig strategyConfig) {

    public ValidatedModel {
        selectedIndicators = List.copyOf(selectedIndicators);
        selectedFeatures = List.copyOf(selectedFeatures);
    }
}
