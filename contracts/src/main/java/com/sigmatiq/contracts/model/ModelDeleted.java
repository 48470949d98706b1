package com.sigmatiq.contracts.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A model was deleted by its owner (envelope type {@value #TYPE}).
 *
 * @param modelId the model id
 */
public record ModelDeleted(@JsonProperty("model_id") String modelId) {

    public static final String TYPE = "model.deleted";
}
