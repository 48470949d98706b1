package com.sigmatiq.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads OHLCV bars from CSV files in the layouts the bundled market data uses.
 *
 * <ul>
 *   <li>Header names in any case. The time column is the first of {@code timestamp},
 *       {@code timestamp_utc}, {@code datetime}, {@code datetime_et}, {@code date}, {@code time}.</li>
 *   <li>Times with an offset or {@code Z} are absolute; times without one are local to
 *       {@link Options#sourceZone()}; a date alone makes the file daily (bar time = exchange-local
 *       midnight of that date).</li>
 *   <li>{@link Options#barEnd()} says the stamps mark the bar's end: the bar start is the stamp minus
 *       one bar length (the timeframe is taken from the spacing of the stamps unless given).</li>
 *   <li>{@code open, high, low, close} are required; {@code volume} is optional (NaN when absent);
 *       {@code Adj Close} and other columns are ignored.</li>
 * </ul>
 * Rows must be in time order without duplicates; a malformed file raises {@link BarFileException}
 * naming the line.
 */
public final class BarCsvReader {

    private static final String[] TIME_COLUMNS = {"timestamp", "timestamp_utc", "datetime", "datetime_et", "date", "time"};

    /**
     * @param ticker     instrument symbol; null = the file name up to its first {@code _} or {@code .}
     * @param exchange   the exchange's zone (America/New_York by default)
     * @param sourceZone zone of stamps without an offset; null = the exchange's zone
     * @param barEnd     stamps mark the bar's end rather than its start
     * @param timeframe  bar size; null = detected from the stamps
     */
    public record Options(String ticker, ZoneId exchange, ZoneId sourceZone, boolean barEnd, Timeframe timeframe) {
        public static Options defaults() {
            return new Options(null, BarSeries.NEW_YORK, null, false, null);
        }

        public Options withTicker(String t) {
            return new Options(t, exchange, sourceZone, barEnd, timeframe);
        }

        public Options withSourceZone(ZoneId z) {
            return new Options(ticker, exchange, z, barEnd, timeframe);
        }

        public Options withBarEnd(boolean b) {
            return new Options(ticker, exchange, sourceZone, b, timeframe);
        }

        public Options withTimeframe(Timeframe t) {
            return new Options(ticker, exchange, sourceZone, barEnd, t);
        }
    }

    private BarCsvReader() {
    }

    public static BarSeries read(Path file, Options options) {
        String name = file.getFileName().toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Options o = options.ticker() != null ? options : options.withTicker(tickerFromFileName(name));
            return read(r, name, o);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BarFileException(name, 0, "file not found: " + file);
        } catch (IOException e) {
            throw new BarFileException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    static String tickerFromFileName(String name) {
        int cut = name.length();
        for (char c : new char[] {'_', '.'}) {
            int i = name.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return name.substring(0, cut).toUpperCase(Locale.ROOT);
    }

    /** Reads from any source; {@code name} appears in error messages. */
    public static BarSeries read(Reader source, String name, Options o) throws IOException {
        BufferedReader in = source instanceof BufferedReader b ? b : new BufferedReader(source);
        String header = in.readLine();
        int lineNo = 1;
        while (header != null && header.isBlank()) {
            header = in.readLine();
            lineNo++;
        }
        if (header == null) {
            throw new BarFileException(name, 0, "the file is empty");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        String[] cols = header.split(",", -1);
        int tCol = -1;
        for (String candidate : TIME_COLUMNS) {
            tCol = indexOf(cols, candidate);
            if (tCol >= 0) {
                break;
            }
        }
        if (tCol < 0) {
            throw new BarFileException(name, lineNo, "no time column; expected one of " + String.join(", ", TIME_COLUMNS)
                    + " in header '" + header + "'");
        }
        int oCol = required(cols, "open", name, lineNo, header);
        int hCol = required(cols, "high", name, lineNo, header);
        int lCol = required(cols, "low", name, lineNo, header);
        int cCol = required(cols, "close", name, lineNo, header);
        int vCol = indexOf(cols, "volume");
        ZoneId sourceZone = o.sourceZone() != null ? o.sourceZone() : o.exchange();

        int cap = 1024;
        long[] time = new long[cap];
        double[] open = new double[cap], high = new double[cap], low = new double[cap], close = new double[cap], volume = new double[cap];
        int n = 0;
        Boolean daily = null;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != cols.length) {
                throw new BarFileException(name, lineNo, "expected " + cols.length + " fields as in the header, found " + f.length);
            }
            if (n == cap) {
                cap *= 2;
                time = Arrays.copyOf(time, cap);
                open = Arrays.copyOf(open, cap);
                high = Arrays.copyOf(high, cap);
                low = Arrays.copyOf(low, cap);
                close = Arrays.copyOf(close, cap);
                volume = Arrays.copyOf(volume, cap);
            }
            String stamp = f[tCol].trim();
            boolean dateOnly = stamp.length() == 10;
            if (daily == null) {
                daily = dateOnly;
            } else if (daily != dateOnly) {
                throw new BarFileException(name, lineNo, "time '" + stamp + "' mixes dates and date-times");
            }
            time[n] = parseTime(stamp, dateOnly, sourceZone, o.exchange(), name, lineNo);
            open[n] = number(f[oCol], cols[oCol], name, lineNo);
            high[n] = number(f[hCol], cols[hCol], name, lineNo);
            low[n] = number(f[lCol], cols[lCol], name, lineNo);
            close[n] = number(f[cCol], cols[cCol], name, lineNo);
            volume[n] = vCol >= 0 ? number(f[vCol], cols[vCol], name, lineNo) : Double.NaN;
            if (n > 0 && time[n] <= time[n - 1]) {
                throw new BarFileException(name, lineNo, (time[n] == time[n - 1] ? "duplicate time '" : "time '") + stamp
                        + (time[n] == time[n - 1] ? "'" : "' is before the previous row's (rows must be in time order)"));
            }
            n++;
        }
        if (n == 0) {
            throw new BarFileException(name, lineNo, "no bars after the header");
        }
        Timeframe tf = o.timeframe() != null ? o.timeframe() : (daily ? Timeframe.D1 : detect(time, n, name));
        if (o.barEnd() && !tf.isDaily()) {
            for (int i = 0; i < n; i++) {
                time[i] -= tf.millis();
            }
        }
        return new BarSeries(o.ticker() != null ? o.ticker() : tickerFromFileName(name), o.exchange(), tf,
                Arrays.copyOf(time, n), Arrays.copyOf(open, n), Arrays.copyOf(high, n), Arrays.copyOf(low, n),
                Arrays.copyOf(close, n), Arrays.copyOf(volume, n));
    }

    /** The most common spacing between consecutive stamps, as a timeframe. */
    private static Timeframe detect(long[] time, int n, String name) {
        if (n < 2) {
            throw new BarFileException(name, 0, "cannot tell the bar size from one bar; give the timeframe");
        }
        for (Timeframe t : Timeframe.values()) {
            if (t.isDaily()) {
                continue;
            }
            int count = 0;
            for (int i = 1; i < n; i++) {
                if (time[i] - time[i - 1] == t.millis()) {
                    count++;
                }
            }
            if (count * 4 >= n - 1) {
                return t;
            }
        }
        throw new BarFileException(name, 0, "cannot tell the bar size from the stamps; give the timeframe (1m, 5m, 15m, 1h, 1d)");
    }

    private static long parseTime(String s, boolean dateOnly, ZoneId sourceZone, ZoneId exchange, String name, int line) {
        try {
            if (dateOnly) {
                return LocalDate.parse(s).atStartOfDay(exchange).toInstant().toEpochMilli();
            }
            String iso = s.indexOf('T') < 0 ? s.replaceFirst(" ", "T") : s;
            char last = iso.charAt(iso.length() - 1);
            if (last == 'Z' || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(iso).atZone(sourceZone).toInstant().toEpochMilli();
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new BarFileException(name, line, "cannot read '" + s + "' as a date or date-time (ISO 8601, e.g. 2011-03-01 or 2011-03-01T14:31:00Z)");
        }
    }

    private static double number(String s, String column, String name, int line) {
        String t = s.trim();
        if (t.isEmpty()) {
            throw new BarFileException(name, line, "empty value in column '" + column + "'");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new BarFileException(name, line, "cannot read '" + t + "' in column '" + column + "' as a number");
        }
        if (!Double.isFinite(v)) {
            // "NaN" and "Infinity" parse, but no price or volume is either; the indicators rely on finite bars
            throw new BarFileException(name, line, "'" + t + "' in column '" + column + "' is not a finite number");
        }
        return v;
    }

    private static int required(String[] cols, String c, String name, int line, String header) {
        int i = indexOf(cols, c);
        if (i < 0) {
            throw new BarFileException(name, line, "no '" + c + "' column in header '" + header + "'");
        }
        return i;
    }

    private static int indexOf(String[] cols, String name) {
        for (int i = 0; i < cols.length; i++) {
            if (cols[i].trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
