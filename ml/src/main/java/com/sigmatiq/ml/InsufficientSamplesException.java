package com.sigmatiq.ml;

/** The configuration's candidates are too few, or of one class only, to train and validate a model. */
public class InsufficientSamplesException extends IllegalArgumentException {

    public InsufficientSamplesException(String message) {
        super(message);
    }
}
