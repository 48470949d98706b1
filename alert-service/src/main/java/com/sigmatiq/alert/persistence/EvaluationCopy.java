package com.sigmatiq.alert.persistence;

import com.sigmatiq.alert.domain.EvaluationLayout;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeStore;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Evaluations in PostgreSQL's binary {@code COPY} encoding: rows are encoded where they are made ({@link Rows}, on the
 * runtimes' threads), copied into a temporary table, then moved with one {@code insert … select … on conflict do
 * nothing} (an evaluation made again after a restart is stored once). Binary rows need no text formatting or parsing on
 * either side, so the writer keeps up with a replay at maximum speed.
 */
final class EvaluationCopy {

    static final String COLUMNS = "publication_id, bar_time, owner_id, signal, open, high, low, close, volume, shown,"
            + " confidence, entry_score, hour, hour_allowed";

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    private static final short FIELDS = 14;
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final byte[] BUY = {'B', 'U', 'Y'};
    private static final byte[] SELL = {'S', 'E', 'L', 'L'};
    private static final byte[] HOLD = {'H', 'O', 'L', 'D'};
    private static final byte[] WAIT = {'W', 'A', 'I', 'T'};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for binary timestamps (microseconds). */
    private static final long PG_EPOCH_MILLIS = 946_684_800_000L;

    private EvaluationCopy() {
    }

    /** Rows encoded as binary {@code COPY} tuples of {@link #COLUMNS}, big-endian, into one growing array. */
    static final class Rows implements RuntimeStore.EvaluationRows {
        private byte[] buf = new byte[512];
        private int size;
        private int count;
        // a buffer is filled by one runtime: its publication's text is encoded once
        private Publication last;
        private byte[] id;
        private byte[] owner;

        @Override
        public void add(Publication p, EvaluationLayout.Row r) {
            double[] values = r.values();
            if (p != last) {
                id = p.id().getBytes(StandardCharsets.UTF_8);
                owner = p.ownerId().getBytes(StandardCharsets.UTF_8);
                last = p;
            }
            byte[] signal = signal(r.signal());
            ensure(2 + 14 * 4 + id.length + 8 + owner.length + signal.length + 5 * 8 + values.length * 8 + 8 + 8 + 2 + 1);
            putShort(FIELDS);
            text(id);
            putInt(8);
            putLong((r.barTime() - PG_EPOCH_MILLIS) * 1000);
            text(owner);
            text(signal);
            float8(r.open());
            float8(r.high());
            float8(r.low());
            float8(r.close());
            float8(r.volume());
            putInt(values.length * Double.BYTES);
            for (double v : values) {
                putLong(Double.doubleToRawLongBits(v));
            }
            if (r.confidence() == null) {
                putInt(-1);
            } else {
                float8(r.confidence());
            }
            float8(r.entryScore());
            putInt(2);
            putShort(r.hour());
            putInt(1);
            buf[size++] = (byte) (r.hourAllowed() ? 1 : 0);
            count++;
        }

        @Override
        public int count() {
            return count;
        }

        int capacity() {
            return buf.length;
        }

        /** Empties the buffer for another batch, keeping its array (grown to what a batch needs). */
        void reset() {
            size = 0;
            count = 0;
            last = null;
        }

        private static byte[] signal(String s) {
            return switch (s) {
                case "BUY" -> BUY;
                case "SELL" -> SELL;
                case "HOLD" -> HOLD;
                case "WAIT" -> WAIT;
                default -> s.getBytes(StandardCharsets.UTF_8);
            };
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        private void text(byte[] b) {
            putInt(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        private void float8(double v) {
            putInt(8);
            putLong(Double.doubleToRawLongBits(v));
        }

        private void putShort(int v) {
            SHORTS.set(buf, size, (short) v);
            size += 2;
        }

        private void putInt(int v) {
            INTS.set(buf, size, v);
            size += 4;
        }

        private void putLong(long v) {
            LONGS.set(buf, size, v);
            size += 8;
        }
    }

    /** Stores the rows on {@code c} (inside the caller's transaction); returns how many were new. */
    static int write(Connection c, List<RuntimeStore.EvaluationRows> rows) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create temporary table if not exists evaluations_in (publication_id text, bar_time timestamptz,"
                    + " owner_id text, signal text, open float8, high float8, low float8, close float8, volume float8,"
                    + " shown bytea, confidence float8, entry_score float8, hour smallint, hour_allowed boolean)"
                    + " on commit delete rows");
        }
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy evaluations_in from stdin with (format binary)");
        try {
            in.writeToCopy(HEADER, 0, HEADER.length);
            for (RuntimeStore.EvaluationRows r : rows) {
                Rows encoded = (Rows) r;
                in.writeToCopy(encoded.buf, 0, encoded.size);
            }
            in.writeToCopy(TRAILER, 0, TRAILER.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        try (Statement st = c.createStatement()) {
            return st.executeUpdate("insert into evaluations (" + COLUMNS + ") select " + COLUMNS + " from evaluations_in"
                    + " on conflict do nothing");
        }
    }
}
