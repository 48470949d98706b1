package com.sigmatiq.sweep.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed's sweep request (sections 3.1): {@code parameters} in request order, values as JSON gave them;
 * dates as the raw strings so a malformed one is reported by field.
 */
public record CreateSweepCommand(String modelId, String sweepType, String start, String end,
                                 LinkedHashMap<String, Object> parameters, Map<String, Object> qualityGates, String tag,
                                 Double holdoutPct) {
}
