package com.sigmatiq.engine.strategy;

import java.util.List;

/** A configuration key or value that a pack does not accept, with the valid choices where there is a list. */
public final class ConfigException extends IllegalArgumentException {

    private final String key;
    private final List<String> validChoices;

    public ConfigException(String key, String reason, List<String> validChoices) {
        super(reason + (validChoices.isEmpty() ? "" : "; valid: " + String.join(", ", validChoices)));
        this.key = key;
        this.validChoices = List.copyOf(validChoices);
    }

    /** The offending field or parameter key. */
    public String key() {
        return key;
    }

    public List<String> validChoices() {
        return validChoices;
    }
}
