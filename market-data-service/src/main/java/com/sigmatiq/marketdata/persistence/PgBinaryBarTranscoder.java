package com.sigmatiq.marketdata.persistence;

import com.sigmatiq.marketdata.domain.BarStreamFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Turns PostgreSQL binary {@code COPY} output of {@code (start_ms bigint, open, high, low, close, volume float8)} into
 * the compact bar stream of {@link BarStreamFormat}. Streaming: bytes are transcoded as they arrive.
 */
final class PgBinaryBarTranscoder extends OutputStream {

    private static final int RECORD_BYTES = BarStreamFormat.RECORD_BYTES;
    private static final int FIELDS = 6;

    private final OutputStream out;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 16);
    private final ByteBuffer rec = ByteBuffer.allocate(RECORD_BYTES * 1024);
    private boolean headerDone;
    private boolean ended;
    private long bars;

    PgBinaryBarTranscoder(OutputStream out) throws IOException {
        this.out = out;
        out.write(BarStreamFormat.magic());
    }

    public long bars() {
        return bars;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int take = Math.min(len, in.remaining());
            in.put(b, off, take);
            off += take;
            len -= take;
            in.flip();
            drain();
            in.compact();
        }
    }

    private void drain() throws IOException {
        if (!headerDone) {
            if (in.remaining() < 19) {
                return;
            }
            int start = in.position();
            in.position(start + 11 + 4);
            int ext = in.getInt();
            if (in.remaining() < ext) {
                in.position(start);
                return;
            }
            in.position(in.position() + ext);
            headerDone = true;
        }
        while (!ended && in.remaining() >= 2) {
            int start = in.position();
            short fields = in.getShort();
            if (fields == -1) {
                ended = true;
                in.position(in.limit());
                return;
            }
            if (fields != FIELDS) {
                throw new IOException("unexpected COPY tuple with " + fields + " fields");
            }
            if (in.remaining() < FIELDS * 12) { // 6 non-null fields need 72 bytes; nulls need less, wait for more anyway
                if (!tupleComplete(start)) {
                    in.position(start);
                    return;
                }
            }
            if (rec.remaining() < RECORD_BYTES) {
                flushRecords();
            }
            for (int f = 0; f < FIELDS; f++) {
                int len = in.getInt();
                if (f == 0) {
                    rec.putLong(in.getLong());
                } else if (len < 0) {
                    rec.putDouble(Double.NaN);
                } else {
                    rec.putDouble(in.getDouble());
                }
            }
            bars++;
        }
    }

    /** Whether the tuple starting at {@code start} (at its field count) is fully buffered. */
    private boolean tupleComplete(int start) {
        int p = start + 2;
        for (int f = 0; f < FIELDS; f++) {
            if (in.limit() - p < 4) {
                return false;
            }
            int len = in.getInt(p);
            p += 4 + Math.max(len, 0);
            if (p > in.limit()) {
                return false;
            }
        }
        return true;
    }

    private void flushRecords() throws IOException {
        out.write(rec.array(), 0, rec.position());
        rec.clear();
    }

    @Override
    public void flush() throws IOException {
        flushRecords();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
