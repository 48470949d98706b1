package com.sigmatiq.contracts.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A model moved along its lifecycle (envelope type {@value #TYPE}).
 *
 * @param modelId the model id
 * @param from    the status before, e.g. {@code created}
 * @param to      the status after, e.g. {@code swept}
 */
public record ModelStatusChanged(
        @JsonProperty("model_id") String modelId,
        @JsonProperty("from") String from,
        @JsonProperty("to") String to) {

    public static final String TYPE = "model.status_changed";
}
