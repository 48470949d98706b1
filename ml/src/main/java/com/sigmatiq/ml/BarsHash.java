package com.sigmatiq.ml;

import com.sigmatiq.engine.data.BarSeries;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A content hash of bars: SHA-256 over each bar's start time and the raw bits of its open, high, low, close and
 * volume, in order. The same bars give the same hash whether they came from a CSV file or a service.
 */
public final class BarsHash {

    private BarsHash() {
    }

    /** {@code sha256:<hex>} of {@code bars}. */
    public static String of(BarSeries bars) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        ByteBuffer buf = ByteBuffer.allocate(48 * 1024);
        for (int i = 0; i < bars.size(); i++) {
            if (buf.remaining() < 48) {
                sha.update(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putLong(bars.time()[i]).putDouble(bars.open()[i]).putDouble(bars.high()[i]).putDouble(bars.low()[i])
                    .putDouble(bars.close()[i]).putDouble(bars.volume()[i]);
        }
        sha.update(buf.array(), 0, buf.position());
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
