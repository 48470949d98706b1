package com.sigmatiq.sweep.web;

import com.sigmatiq.kit.web.validation.SafeId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed's sweep request (section 3.1), simple or custom, plus optional {@code holdout_pct}. {@code parameters}
 * keeps the request's key order: combo ids follow it. {@code model_id} is checked ({@link SafeId}) before
 * model-service is asked for it.
 */
public record SweepRequest(@SafeId String modelId, String sweepType, DateRange dateRange, LinkedHashMap<String, Object> parameters,
                           Map<String, Object> qualityGates, String tag, Double holdoutPct) {

    /** Inclusive session dates, {@code YYYY-MM-DD}. */
    public record DateRange(String start, String end) {
    }
}
