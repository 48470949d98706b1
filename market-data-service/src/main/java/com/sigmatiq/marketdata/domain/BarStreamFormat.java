package com.sigmatiq.marketdata.domain;

/**
 * The compact bar stream {@code application/vnd.sigmatiq.bars}: the 8 ASCII bytes {@code SQBARS01}, then 48 bytes per
 * bar, big-endian: int64 start (epoch ms UTC), float64 open, high, low, close, volume (NaN when absent); the stream
 * ends with the last bar.
 */
public final class BarStreamFormat {

    public static final String MEDIA_TYPE = "application/vnd.sigmatiq.bars";
    public static final int RECORD_BYTES = 48;

    private static final byte[] MAGIC = {'S', 'Q', 'B', 'A', 'R', 'S', '0', '1'};

    private BarStreamFormat() {
    }

    /** The stream's first bytes. */
    public static byte[] magic() {
        return MAGIC.clone();
    }
}
