package com.sigmatiq.model.web;

import com.sigmatiq.model.domain.Model;
import com.sigmatiq.model.domain.ModelStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A model as {@code GET /models/{id}} shows it.
 *
 * @param nextStatuses the statuses it may move to from here
 * @param nextStep     what the user does next ({@code configure_sweep} for a new model)
 */
public record ModelView(String id, String packId, String packVersion, String name, String description, String instrument,
                        String ticker, String timeframe, String strategyId, List<String> selectedIndicators,
                        List<String> selectedFeatures, String riskProfile, Map<String, Object> parameterOverrides,
                        String status, List<String> nextStatuses, String nextStep, Instant createdAt, Instant updatedAt) {

    static ModelView of(Model m) {
        return new ModelView(m.id(), m.packId(), m.packVersion(), m.name(), m.description(), m.instrument(), m.ticker(),
                m.timeframe(), m.strategyId(), m.selectedIndicators(), m.selectedFeatures(), m.riskProfile(),
                m.parameterOverrides(), m.status().label(), m.status().nextStatuses().stream().map(ModelStatus::label).toList(),
                nextStep(m.status()), m.createdAt(), m.updatedAt());
    }

    /** The user's next step in the seed's workflow, or null when there is none. */
    static String nextStep(ModelStatus s) {
        return switch (s) {
            case CREATED -> "configure_sweep";
            case SWEPT -> "select_for_training";
            case TRAINED -> "publish";
            case PAPER_TRADING -> "review_paper_results";
            case PAPER_COMPLETE -> "approve_for_live";
            case LIVE, ALERTING -> "monitor";
            case PAUSED -> "resume";
            case RETIRED -> null;
        };
    }
}
