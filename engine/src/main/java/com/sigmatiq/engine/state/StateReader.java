package com.sigmatiq.engine.state;

import java.util.Objects;

/**
 * Reads back what a {@link StateWriter} wrote, in the same order. A read past the end, an array of another length
 * than the one it should fill, or bytes left over ({@link #expectEnd}) mean that the state was saved by something
 * else than what restores it: {@link IllegalStateException}, and the reader's target must then be discarded.
 */
public final class StateReader {

    private final byte[] bytes;
    private int pos;

    public StateReader(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    public boolean getBoolean() {
        need(1);
        byte b = bytes[pos++];
        if (b != 0 && b != 1) {
            throw new IllegalStateException("saved state is corrupt: boolean byte " + b + " at offset " + (pos - 1));
        }
        return b == 1;
    }

    public int getInt() {
        need(4);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (bytes[pos++] & 0xFF);
        }
        return v;
    }

    public long getLong() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[pos++] & 0xFF);
        }
        return v;
    }

    public double getDouble() {
        return Double.longBitsToDouble(getLong());
    }

    /** Fills {@code into} with an array written by {@link StateWriter#putDoubles} of the same length. */
    public void getDoubles(double[] into) {
        int n = getInt();
        if (n != into.length) {
            throw new IllegalStateException("saved state does not fit: an array of " + n + " values where " + into.length
                    + " are expected (saved with other parameters?)");
        }
        for (int i = 0; i < n; i++) {
            into[i] = getDouble();
        }
    }

    /** Fills {@code into} with an array written by {@link StateWriter#putInts} of the same length. */
    public void getInts(int[] into) {
        int n = getInt();
        if (n != into.length) {
            throw new IllegalStateException("saved state does not fit: an array of " + n + " values where " + into.length
                    + " are expected (saved with other parameters?)");
        }
        for (int i = 0; i < n; i++) {
            into[i] = getInt();
        }
    }

    /** Bytes not read yet. */
    public int remaining() {
        return bytes.length - pos;
    }

    /** Checks that every byte was read. */
    public void expectEnd() {
        if (pos != bytes.length) {
            throw new IllegalStateException("saved state does not fit: " + (bytes.length - pos) + " bytes left over");
        }
    }

    private void need(int n) {
        if (pos + n > bytes.length) {
            throw new IllegalStateException("saved state does not fit: it ends at offset " + bytes.length
                    + ", " + n + " more bytes wanted");
        }
    }
}
