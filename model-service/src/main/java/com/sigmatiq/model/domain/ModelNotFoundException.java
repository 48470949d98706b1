package com.sigmatiq.model.domain;

/** No model with this id belongs to the caller (another user's model is reported the same way). */
public class ModelNotFoundException extends RuntimeException {

    public ModelNotFoundException(String modelId) {
        super("no model '" + modelId + "'");
    }
}
