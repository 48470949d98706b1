package com.sigmatiq.engine.data;

/** A bar file that cannot be read, with the 1-based line where reading stopped (0 when not line-specific). */
public final class BarFileException extends RuntimeException {

    private final String file;
    private final int line;

    public BarFileException(String file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
