package com.sigmatiq.engine.state;

import java.util.Arrays;

/**
 * Appends primitives to a growing byte array, big-endian; doubles as their raw bits. Arrays carry their length, which
 * {@link StateReader} checks against the array it fills. Not thread-safe; meant for saving state, not for hot loops.
 */
public final class StateWriter {

    private byte[] buffer = new byte[256];
    private int size;

    public StateWriter putBoolean(boolean v) {
        ensure(1);
        buffer[size++] = (byte) (v ? 1 : 0);
        return this;
    }

    public StateWriter putInt(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public StateWriter putLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public StateWriter putDouble(double v) {
        return putLong(Double.doubleToRawLongBits(v));
    }

    public StateWriter putDoubles(double[] values) {
        putInt(values.length);
        for (double v : values) {
            putDouble(v);
        }
        return this;
    }

    public StateWriter putInts(int[] values) {
        putInt(values.length);
        for (int v : values) {
            putInt(v);
        }
        return this;
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
