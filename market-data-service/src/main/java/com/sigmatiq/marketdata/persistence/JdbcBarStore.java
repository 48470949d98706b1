package com.sigmatiq.marketdata.persistence;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.marketdata.domain.BarColumns;
import com.sigmatiq.marketdata.domain.BarStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Bars in table {@code marketdata.bar}. Writes go through {@code COPY} into a temporary table and one
 * {@code INSERT … ON CONFLICT} (an existing bar's prices are replaced; a corporate-action or adjusted-close value
 * the new file lacks is kept), inside the caller's transaction. Reads return columns; bulk reads stream
 * {@code COPY … TO STDOUT} output.
 */
@Repository
public class JdbcBarStore implements BarStore {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public JdbcBarStore(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void upsertSeries(String ticker, Timeframe tf, ZoneId exchange, boolean pricesSplitAdjusted) {
        jdbc.sql("""
                insert into series (ticker, timeframe, exchange, prices_split_adjusted) values (?, ?, ?, ?)
                on conflict (ticker, timeframe) do update set exchange = excluded.exchange,
                    prices_split_adjusted = excluded.prices_split_adjusted""")
                .params(ticker, tf.label(), exchange.getId(), pricesSplitAdjusted).update();
    }

    /** Writes the bars (insert or replace); must run inside a transaction. Returns the number of bars written. */
    @Override
    public int upsertBars(String ticker, Timeframe tf, BarColumns bars) {
        if (bars.size() == 0) {
            return 0;
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            try (var st = c.createStatement()) {
                st.execute("create temporary table if not exists bar_in (start_ms bigint, open float8, high float8, "
                        + "low float8, close float8, volume float8, adj_close float8, dividend float8, split float8) "
                        + "on commit delete rows");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            CopyIn in = copy.copyIn("copy bar_in from stdin");
            try {
                StringBuilder sb = new StringBuilder(1 << 17);
                int n = bars.size();
                for (int i = 0; i < n; i++) {
                    sb.append(bars.time()[i]).append('\t').append(bars.open()[i]).append('\t').append(bars.high()[i])
                            .append('\t').append(bars.low()[i]).append('\t').append(bars.close()[i]).append('\t');
                    opt(sb, bars.volume()[i]).append('\t');
                    opt(sb, bars.adjClose()[i]).append('\t');
                    opt(sb, bars.dividend()[i]).append('\t');
                    opt(sb, bars.split()[i]).append('\n');
                    if (sb.length() > 1 << 16 || i == n - 1) {
                        byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
                        in.writeToCopy(bytes, 0, bytes.length);
                        sb.setLength(0);
                    }
                }
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into bar (ticker, timeframe, start_ms, open, high, low, close, volume, adj_close, dividend, split)
                    select ?, ?, start_ms, open, high, low, close, volume, adj_close, dividend, split from bar_in
                    on conflict (ticker, timeframe, start_ms) do update set open = excluded.open, high = excluded.high,
                        low = excluded.low, close = excluded.close, volume = excluded.volume,
                        adj_close = coalesce(excluded.adj_close, bar.adj_close),
                        dividend = coalesce(excluded.dividend, bar.dividend),
                        split = coalesce(excluded.split, bar.split)""")) {
                ps.setString(1, ticker);
                ps.setString(2, tf.label());
                int written = ps.executeUpdate();
                try (var st = c.createStatement()) {
                    st.execute("truncate bar_in");
                }
                return written;
            }
        } catch (SQLException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("writing bars failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private static StringBuilder opt(StringBuilder sb, double v) {
        return Double.isNaN(v) ? sb.append("\\N") : sb.append(v);
    }

    @Override
    public Optional<Series> series(String ticker, Timeframe tf) {
        return jdbc.sql("""
                select s.ticker, s.timeframe, s.exchange, s.prices_split_adjusted,
                       (select count(*) from bar b where b.ticker = s.ticker and b.timeframe = s.timeframe) as n,
                       (select min(start_ms) from bar b where b.ticker = s.ticker and b.timeframe = s.timeframe) as first,
                       (select max(start_ms) from bar b where b.ticker = s.ticker and b.timeframe = s.timeframe) as last
                from series s where s.ticker = ? and s.timeframe = ?""")
                .params(ticker, tf.label()).query(JdbcBarStore::mapSeries).optional();
    }

    @Override
    public List<Series> allSeries() {
        return jdbc.sql("""
                select s.ticker, s.timeframe, s.exchange, s.prices_split_adjusted, count(b.start_ms) as n,
                       min(b.start_ms) as first, max(b.start_ms) as last
                from series s left join bar b on b.ticker = s.ticker and b.timeframe = s.timeframe
                group by s.ticker, s.timeframe, s.exchange, s.prices_split_adjusted order by s.ticker, s.timeframe""")
                .query(JdbcBarStore::mapSeries).list();
    }

    private static Series mapSeries(ResultSet rs, int row) throws SQLException {
        long first = rs.getLong("first");
        Long f = rs.wasNull() ? null : first;
        long last = rs.getLong("last");
        Long l = rs.wasNull() ? null : last;
        return new Series(rs.getString(1), Timeframe.parse(rs.getString(2)), ZoneId.of(rs.getString(3)), rs.getBoolean(4),
                rs.getLong("n"), f, l);
    }

    /** Bars with start in {@code [fromMs, toMs)}, in time order. */
    @Override
    public BarColumns read(String ticker, Timeframe tf, long fromMs, long toMs) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = c.prepareStatement("""
                select start_ms, open, high, low, close, volume, adj_close, dividend, split from bar
                where ticker = ? and timeframe = ? and start_ms >= ? and start_ms < ? order by start_ms""")) {
            ps.setFetchSize(50_000);
            ps.setString(1, ticker);
            ps.setString(2, tf.label());
            ps.setLong(3, fromMs);
            ps.setLong(4, toMs);
            int cap = 1024;
            BarColumns b = BarColumns.allocate(cap);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == cap) {
                        cap *= 2;
                        BarColumns g = BarColumns.allocate(cap);
                        copyInto(b, g, n);
                        b = g;
                    }
                    b.time()[n] = rs.getLong(1);
                    b.open()[n] = rs.getDouble(2);
                    b.high()[n] = rs.getDouble(3);
                    b.low()[n] = rs.getDouble(4);
                    b.close()[n] = rs.getDouble(5);
                    b.volume()[n] = nullable(rs, 6);
                    b.adjClose()[n] = nullable(rs, 7);
                    b.dividend()[n] = nullable(rs, 8);
                    b.split()[n] = nullable(rs, 9);
                    n++;
                }
            }
            return b.truncate(n);
        } catch (SQLException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("reading bars failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private static double nullable(ResultSet rs, int col) throws SQLException {
        double d = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : d;
    }

    private static void copyInto(BarColumns from, BarColumns to, int n) {
        System.arraycopy(from.time(), 0, to.time(), 0, n);
        System.arraycopy(from.open(), 0, to.open(), 0, n);
        System.arraycopy(from.high(), 0, to.high(), 0, n);
        System.arraycopy(from.low(), 0, to.low(), 0, n);
        System.arraycopy(from.close(), 0, to.close(), 0, n);
        System.arraycopy(from.volume(), 0, to.volume(), 0, n);
        System.arraycopy(from.adjClose(), 0, to.adjClose(), 0, n);
        System.arraycopy(from.dividend(), 0, to.dividend(), 0, n);
        System.arraycopy(from.split(), 0, to.split(), 0, n);
    }

    /** PostgreSQL's {@code COPY … TO STDOUT}: CSV as it comes, binary through {@link PgBinaryBarTranscoder}. */
    @Override
    public long copyOut(String ticker, Timeframe tf, long fromMs, long toMs, boolean binary, boolean isoTime, OutputStream out)
            throws IOException {
        String time = isoTime && !binary
                ? "to_char(to_timestamp(start_ms / 1000.0) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') as time"
                : "start_ms";
        String sql = "copy (select " + time + ", open, high, low, close, volume from bar where ticker = '"
                + ticker.replace("'", "''") + "' and timeframe = '" + tf.label() + "' and start_ms >= " + fromMs
                + " and start_ms < " + toMs + " order by start_ms) to stdout with (format " + (binary ? "binary" : "csv, header") + ")";
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            if (!binary) {
                return copy.copyOut(sql, out);
            }
            try (PgBinaryBarTranscoder bars = new PgBinaryBarTranscoder(out)) {
                return copy.copyOut(sql, bars);
            }
        } catch (SQLException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("reading bars failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }
}
