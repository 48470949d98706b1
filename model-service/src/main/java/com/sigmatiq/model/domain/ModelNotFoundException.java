package com.sigmatiq.model.domain;

import com.sigmatiq.kit.web.problem.NotFoundException;

/** No model with this id belongs to the caller (another user's model is reported the same way). */
public class ModelNotFoundException extends NotFoundException {

    public ModelNotFoundException(String modelId) {
        super("Model not found", "no model '" + modelId + "'");
    }
}
