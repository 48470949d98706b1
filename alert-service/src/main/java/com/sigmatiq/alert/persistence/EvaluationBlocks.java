package com.sigmatiq.alert.persistence;

import com.sigmatiq.alert.domain.EvaluationLayout;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeStore;
import java.io.ByteArrayInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluations as blocks: a runtime's evaluations since its last snapshot are encoded where they are made ({@link Rows},
 * on the runtimes' threads) into one array, and written as one row of {@code evaluation_blocks} with that snapshot
 * (a batched {@code insert … on conflict do nothing}, the array a binary parameter). One row and one index entry per
 * block of up to {@code snapshot-every} bars instead of one per bar is what lets the writer keep up with a replay at
 * maximum speed without taking the cores from the bars being taken. (A binary {@code COPY} into a temporary table
 * before the insert was 5–7 times slower with blocks of tens of kilobytes.)
 *
 * <p>A block's data: a format byte ({@code 1}), then per evaluation, big-endian: the bar's start (epoch ms, 8 bytes),
 * the signal (1 byte), open, high, low, close, volume (doubles), the number of shown values (2 bytes) and the values,
 * the confidence (NaN when there is none), the entry score, the hour (2 bytes) and flags (1 byte: confidence present,
 * hour allowed).
 */
final class EvaluationBlocks {

    static final String COLUMNS = "publication_id, owner_id, first_bar_time, last_bar_time, bars, data";

    private static final byte FORMAT = 1;
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final String[] SIGNALS = {"WAIT", "HOLD", "BUY", "SELL"};
    private static final int CONFIDENCE = 1;
    private static final int HOUR_ALLOWED = 2;

    private EvaluationBlocks() {
    }

    /** One publication's evaluations, in bar order, encoded into one growing array. Filled by one thread. */
    static final class Rows implements RuntimeStore.EvaluationRows {
        private byte[] buf = new byte[1024];
        private int size;
        private int count;
        private long first;
        private long last;
        private Publication publication;

        @Override
        public void add(Publication p, EvaluationLayout.Row r) {
            if (publication == null) {
                publication = p;
                first = r.barTime();
                buf[size++] = FORMAT;
            } else if (!publication.id().equals(p.id())) {
                throw new IllegalArgumentException("a block holds one publication's evaluations: " + publication.id()
                        + ", not " + p.id());
            }
            double[] values = r.values();
            ensure(8 + 1 + 5 * 8 + 2 + values.length * 8 + 8 + 8 + 2 + 1);
            putLong(r.barTime());
            buf[size++] = signal(r.signal());
            putDouble(r.open());
            putDouble(r.high());
            putDouble(r.low());
            putDouble(r.close());
            putDouble(r.volume());
            SHORTS.set(buf, size, (short) values.length);
            size += 2;
            for (double v : values) {
                putDouble(v);
            }
            putDouble(r.confidence() == null ? Double.NaN : r.confidence());
            putDouble(r.entryScore());
            SHORTS.set(buf, size, (short) r.hour());
            size += 2;
            buf[size++] = (byte) ((r.confidence() != null ? CONFIDENCE : 0) | (r.hourAllowed() ? HOUR_ALLOWED : 0));
            last = r.barTime();
            count++;
        }

        @Override
        public int count() {
            return count;
        }

        int capacity() {
            return buf.length;
        }

        /** Empties the buffer for another block, keeping its array. */
        void reset() {
            size = 0;
            count = 0;
            publication = null;
        }

        private static byte signal(String s) {
            for (int i = 0; i < SIGNALS.length; i++) {
                if (SIGNALS[i].equals(s)) {
                    return (byte) i;
                }
            }
            throw new IllegalArgumentException("not a signal: " + s);
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        private void putDouble(double v) {
            putLong(Double.doubleToRawLongBits(v));
        }

        private void putLong(long v) {
            LONGS.set(buf, size, v);
            size += 8;
        }
    }

    /** A block's evaluations, in bar order. */
    static List<EvaluationLayout.Row> decode(byte[] data) {
        if (data.length == 0 || data[0] != FORMAT) {
            throw new IllegalStateException("unknown evaluation block format " + (data.length == 0 ? "(empty)" : data[0]));
        }
        List<EvaluationLayout.Row> rows = new ArrayList<>();
        int at = 1;
        while (at < data.length) {
            long time = (long) LONGS.get(data, at);
            String signal = SIGNALS[data[at + 8]];
            at += 9;
            double[] ohlcv = new double[5];
            for (int i = 0; i < 5; i++, at += 8) {
                ohlcv[i] = Double.longBitsToDouble((long) LONGS.get(data, at));
            }
            double[] values = new double[(short) SHORTS.get(data, at)];
            at += 2;
            for (int i = 0; i < values.length; i++, at += 8) {
                values[i] = Double.longBitsToDouble((long) LONGS.get(data, at));
            }
            double confidence = Double.longBitsToDouble((long) LONGS.get(data, at));
            double entryScore = Double.longBitsToDouble((long) LONGS.get(data, at + 8));
            int hour = (short) SHORTS.get(data, at + 16);
            int flags = data[at + 18];
            at += 19;
            rows.add(new EvaluationLayout.Row(time, ohlcv[0], ohlcv[1], ohlcv[2], ohlcv[3], ohlcv[4], values, signal,
                    (flags & CONFIDENCE) != 0 ? confidence : null, entryScore, hour, (flags & HOUR_ALLOWED) != 0));
        }
        return rows;
    }

    /** Stores the blocks on {@code c} (inside the caller's transaction); a block stored before is left as it is. */
    static void write(Connection c, List<RuntimeStore.EvaluationRows> blocks) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into evaluation_blocks (" + COLUMNS + ")"
                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            int n = 0;
            for (RuntimeStore.EvaluationRows r : blocks) {
                Rows block = (Rows) r;
                if (block.count == 0) {
                    continue;
                }
                insert.setString(1, block.publication.id());
                insert.setString(2, block.publication.ownerId());
                insert.setTimestamp(3, new Timestamp(block.first));
                insert.setTimestamp(4, new Timestamp(block.last));
                insert.setInt(5, block.count);
                insert.setBinaryStream(6, new ByteArrayInputStream(block.buf, 0, block.size), block.size);
                insert.addBatch();
                n++;
            }
            if (n > 0) {
                insert.executeBatch();
            }
        }
    }
}
