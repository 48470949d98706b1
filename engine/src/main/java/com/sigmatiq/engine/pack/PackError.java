package com.sigmatiq.engine.pack;

/**
 * One thing wrong with a pack, where it is and what is wrong.
 *
 * @param file    file name inside the pack folder, e.g. {@code strategies.yaml}
 * @param line    1-based line (0 when the file itself is the problem)
 * @param column  1-based column (0 when unknown)
 * @param message what is wrong, what was expected, and nearest valid names where a name is unknown
 */
public record PackError(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + ":" + column : "") + ": " + message;
    }
}
