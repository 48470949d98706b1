package com.sigmatiq.marketdata.importing;

/** A bar file that cannot be imported at all (no header, no time column, no bar, bar size unknown). */
public class ImportFileException extends RuntimeException {

    private final String file;
    private final int line;

    public ImportFileException(String file, int line, String reason) {
        super(reason);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line, 0 when not line-specific. */
    public int line() {
        return line;
    }
}
