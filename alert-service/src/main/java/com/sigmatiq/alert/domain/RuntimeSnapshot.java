package com.sigmatiq.alert.domain;

/**
 * A runtime's state ({@link ModelRuntime#saveState()}) and the stream position of the last bar it holds: a runtime
 * rebuilt from it takes the bars after that position again.
 *
 * @param lastBarTime start of the last bar taken (warm-up included), {@code Long.MIN_VALUE} before any
 */
public record RuntimeSnapshot(String publicationId, byte[] state, long lastBarTime, IncomingBar.BarPosition position) {
}
