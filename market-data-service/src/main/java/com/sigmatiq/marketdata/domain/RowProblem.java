package com.sigmatiq.marketdata.domain;

/**
 * A rejected row of an import.
 *
 * @param line   1-based line number in the file
 * @param reason what is wrong, e.g. "high 10.5 is below max(open, close) 10.7"
 * @param text   the line as read (truncated to 200 characters)
 */
public record RowProblem(int line, String reason, String text) {
}
