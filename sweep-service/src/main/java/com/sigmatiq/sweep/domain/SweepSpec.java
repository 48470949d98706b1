package com.sigmatiq.sweep.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything that defines a sweep, as stored before any work starts: with its {@link SweepInputs} (the pack files
 * and bars it was created with) every combination and every result can be recomputed exactly.
 *
 * @param parameters   the request's grid, in request order ({@code combo_id} follows it)
 * @param baseOverrides the model's {@code parameter_overrides}: the configuration under the grid
 * @param holdoutPct   percent of the date range's newest sessions kept out of sample, or null
 * @param units        work units of the engine's sweep session; {@code unitSize} combinations each
 */
public record SweepSpec(UUID id, String ownerId, String modelId, String sweepType, String tag, String packId,
                        String packVersion, String strategyId, String ticker, String timeframe,
                        Map<String, Object> baseOverrides, Map<String, List<Object>> parameters,
                        Map<String, Double> qualityGates, LocalDate start, LocalDate end, Double holdoutPct,
                        long totalCombinations, long units, int unitSize) {
}
