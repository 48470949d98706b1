package com.sigmatiq.engine.indicator;

/**
 * One parameter an indicator kind accepts.
 *
 * @param name       as written in {@code indicators.yaml} under {@code params}
 * @param type       value type
 * @param min        smallest allowed value (inclusive); for booleans unused
 * @param max        largest allowed value (inclusive); for booleans unused
 * @param computed   true when the value changes the indicator's outputs; false for reference levels
 *                   such as RSI's {@code overbought} that only document the pack
 * @param defaultValue used when a pack leaves the parameter out (for booleans 1 = true)
 */
public record ParamSpec(String name, ParamType type, double min, double max, boolean computed, double defaultValue) {

    public enum ParamType { INTEGER, NUMBER, BOOLEAN }

    static ParamSpec integer(String name, int def, int min, int max) {
        return new ParamSpec(name, ParamType.INTEGER, min, max, true, def);
    }

    static ParamSpec number(String name, double def, double min, double max) {
        return new ParamSpec(name, ParamType.NUMBER, min, max, true, def);
    }

    static ParamSpec level(String name, double def, double min, double max) {
        return new ParamSpec(name, ParamType.NUMBER, min, max, false, def);
    }

    static ParamSpec flag(String name, boolean def) {
        return new ParamSpec(name, ParamType.BOOLEAN, 0, 1, false, def ? 1 : 0);
    }

    /** Whether {@code value} is of this parameter's type and inside its range. */
    public boolean accepts(double value) {
        return switch (type) {
            case BOOLEAN -> value == 0 || value == 1;
            case INTEGER -> value == Math.rint(value) && value >= min && value <= max;
            case NUMBER -> !Double.isNaN(value) && value >= min && value <= max;
        };
    }

    /** Human description of the accepted values, for error messages. */
    public String describeRange() {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case INTEGER -> "an integer from " + (long) min + " to " + (long) max;
            case NUMBER -> "a number from " + min + " to " + max;
        };
    }
}
