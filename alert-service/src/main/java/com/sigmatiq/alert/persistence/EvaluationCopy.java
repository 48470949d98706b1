package com.sigmatiq.alert.persistence;

import com.sigmatiq.alert.domain.EvaluationLayout;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeStore;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for binary timestamps (microseconds). */
    private static final long PG_EPOCH_MILLIS = 946_684_800_000L;

    private EvaluationCopy() {
    }

    /** Rows encoded as binary {@code COPY} tuples of {@link #COLUMNS}. */
    static final class Rows implements RuntimeStore.EvaluationRows {
        private final Bytes bytes = new Bytes();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private int count;

        @Override
        public void add(Publication p, EvaluationLayout.Row r) {
            try {
                out.writeShort(FIELDS);
                text(out, p.id());
                out.writeInt(8);
                out.writeLong((r.barTime() - PG_EPOCH_MILLIS) * 1000);
                text(out, p.ownerId());
                text(out, r.signal());
                float8(out, r.open());
                float8(out, r.high());
                float8(out, r.low());
                float8(out, r.close());
                float8(out, r.volume());
                double[] values = r.values();
                out.writeInt(values.length * Double.BYTES);
                for (double v : values) {
                    out.writeDouble(v);
                }
                if (r.confidence() == null) {
                    out.writeInt(-1);
                } else {
                    float8(out, r.confidence());
                }
                float8(out, r.entryScore());
                out.writeInt(2);
                out.writeShort(r.hour());
                out.writeInt(1);
                out.writeByte(r.hourAllowed() ? 1 : 0);
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int count() {
            return count;
        }
    }

    /** A byte buffer whose array is written as it is (no copy). */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(512);
        }

        byte[] array() {
            return buf;
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
                Bytes b = ((Rows) r).bytes;
                in.writeToCopy(b.array(), 0, b.size());
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

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void float8(DataOutputStream out, double v) throws IOException {
        out.writeInt(8);
        out.writeDouble(v);
    }
}
