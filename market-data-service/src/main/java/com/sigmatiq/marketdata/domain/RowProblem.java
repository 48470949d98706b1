package com.sigmatiq.marketdata.domain;

/**
 * A rejected row of an import.
 *
 * @param line   1-based line number in the file
 * @param reason what is wrong, e.g. "high 10.5 is below max(open, close) 10.7"
 * @param text   the line as read (truncated to 200 characters); a NUL character becomes U+FFFD, since PostgreSQL's
 *               text and jsonb cannot hold it (a file with NUL bytes made the import report's insert fail)
 */
public record RowProblem(int line, String reason, String text) {

    public RowProblem {
        reason = storable(reason);
        text = storable(text);
    }

    /** {@code s} with every NUL character replaced by U+FFFD. */
    public static String storable(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }
}
