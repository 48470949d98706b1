package com.sigmatiq.marketdata.importing;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.marketdata.domain.BarColumns;
import com.sigmatiq.marketdata.domain.BarConvention;
import com.sigmatiq.marketdata.domain.ImportOptions;
import com.sigmatiq.marketdata.domain.RowProblem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads OHLCV CSV files in every layout of the bundled market data, checking each row and reporting each bad row
 * with its line number instead of stopping at the first (the engine's {@code BarCsvReader} stops; its column and
 * time conventions are the same here).
 *
 * <ul>
 *   <li>Header names in any case; the time column is the first of {@code timestamp}, {@code timestamp_utc},
 *       {@code datetime}, {@code datetime_et}, {@code date}, {@code time}; {@code open, high, low, close} required;
 *       {@code volume}, {@code adj close}, {@code dividend}, {@code split} optional.</li>
 *   <li>A date alone makes a daily bar starting at the exchange-local midnight of that date; stamps with {@code Z}
 *       or an offset are absolute; other stamps are local to the source zone (the exchange's unless given).</li>
 *   <li>Bad rows: a wrong number of fields, an unreadable time or number, a non-positive price, a negative volume,
 *       high below max(open, close) or low above min(open, close), a time equal to (duplicate) or before
 *       (out of order) the last good row's.</li>
 *   <li>Detection: the bar size is the most common spacing of the good rows' stamps; the bar convention (intraday
 *       stamps marking start or end) is END when more sessions have a 16:00 stamp than a 09:30 one, START for the
 *       reverse, and on a tie (files with extended hours have both) the side where the opening and closing minutes'
 *       large volumes sit (stamps 09:31 and 16:00 for END, 09:30 and 15:59 for START).</li>
 * </ul>
 */
public final class BarFileParser {

    private static final String[] TIME_COLUMNS = {"timestamp", "timestamp_utc", "datetime", "datetime_et", "date", "time"};
    private static final int MAX_TEXT = 200;

    private BarFileParser() {
    }

    public static String tickerFromFileName(String name) {
        int cut = name.length();
        for (char c : new char[] {'_', '.'}) {
            int i = name.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return name.substring(0, cut).toUpperCase(Locale.ROOT);
    }

    public static ParsedFile parse(Reader source, String name, ImportOptions o) throws IOException {
        BufferedReader in = source instanceof BufferedReader b ? b : new BufferedReader(source, 1 << 16);
        String header = in.readLine();
        int lineNo = 1;
        while (header != null && header.isBlank()) {
            header = in.readLine();
            lineNo++;
        }
        if (header == null) {
            throw new ImportFileException(name, 0, "the file is empty");
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
            throw new ImportFileException(name, lineNo, "no time column in header '" + header + "'; expected one of "
                    + String.join(", ", TIME_COLUMNS));
        }
        int oCol = required(cols, "open", name, lineNo, header);
        int hCol = required(cols, "high", name, lineNo, header);
        int lCol = required(cols, "low", name, lineNo, header);
        int cCol = required(cols, "close", name, lineNo, header);
        int vCol = indexOf(cols, "volume");
        int aCol = indexOf(cols, "adj close", "adj_close", "adjclose", "adjusted_close");
        int dCol = indexOf(cols, "dividend", "dividends");
        int sCol = indexOf(cols, "split", "splits", "split_ratio");
        String ticker = o.ticker() != null ? o.ticker() : tickerFromFileName(name);
        ZoneId exchange = o.exchange();
        ZoneId localZone = o.sourceZone() != null ? o.sourceZone() : exchange;

        int cap = 4096;
        BarColumns b = BarColumns.allocate(cap);
        int n = 0;
        int rows = 0;
        int lastGoodLine = 0;
        int daily = -1; // -1 unknown, 1 dates, 0 date-times
        boolean anyOffset = false, anyLocal = false;
        List<RowProblem> problems = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            rows++;
            String[] f = line.split(",", -1);
            if (f.length != cols.length) {
                problems.add(problem(lineNo, "expected " + cols.length + " fields as in the header, found " + f.length, line));
                continue;
            }
            String stamp = f[tCol].trim();
            long t;
            boolean dateOnly = stamp.length() == 10;
            try {
                if (dateOnly) {
                    t = LocalDate.parse(stamp).atStartOfDay(exchange).toInstant().toEpochMilli();
                } else {
                    String iso = stamp.indexOf('T') < 0 ? stamp.replace(' ', 'T') : stamp;
                    if (hasOffset(iso)) {
                        t = OffsetDateTime.parse(iso).toInstant().toEpochMilli();
                        anyOffset = true;
                    } else {
                        t = LocalDateTime.parse(iso).atZone(localZone).toInstant().toEpochMilli();
                        anyLocal = true;
                    }
                }
            } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                problems.add(problem(lineNo, "cannot read '" + stamp + "' as a date or date-time (ISO 8601, e.g. "
                        + "2011-03-01 or 2011-03-01T14:31:00Z)", line));
                continue;
            }
            if (daily >= 0 && daily != (dateOnly ? 1 : 0)) {
                problems.add(problem(lineNo, "time '" + stamp + "' mixes dates and date-times", line));
                continue;
            }
            double op, hi, lo, cl, vo = Double.NaN, adj = Double.NaN, div = Double.NaN, spl = Double.NaN;
            try {
                op = number(f[oCol], cols[oCol]);
                hi = number(f[hCol], cols[hCol]);
                lo = number(f[lCol], cols[lCol]);
                cl = number(f[cCol], cols[cCol]);
                if (vCol >= 0) {
                    vo = number(f[vCol], cols[vCol]);
                }
                if (aCol >= 0) {
                    adj = number(f[aCol], cols[aCol]);
                }
                if (dCol >= 0) {
                    div = number(f[dCol], cols[dCol]);
                }
                if (sCol >= 0) {
                    spl = number(f[sCol], cols[sCol]);
                }
            } catch (IllegalArgumentException e) {
                problems.add(problem(lineNo, e.getMessage(), line));
                continue;
            }
            if (op <= 0 || hi <= 0 || lo <= 0 || cl <= 0) {
                problems.add(problem(lineNo, "non-positive price (open " + fmt(op) + ", high " + fmt(hi) + ", low "
                        + fmt(lo) + ", close " + fmt(cl) + ")", line));
                continue;
            }
            if (vo < 0) {
                problems.add(problem(lineNo, "negative volume " + fmt(vo), line));
                continue;
            }
            if (div < 0 || spl <= 0) {
                problems.add(problem(lineNo, div < 0 ? "negative dividend " + fmt(div) : "split ratio " + fmt(spl)
                        + " is not positive", line));
                continue;
            }
            if (hi < Math.max(op, cl)) {
                problems.add(problem(lineNo, "high " + fmt(hi) + " is below max(open, close) " + fmt(Math.max(op, cl)), line));
                continue;
            }
            if (lo > Math.min(op, cl)) {
                problems.add(problem(lineNo, "low " + fmt(lo) + " is above min(open, close) " + fmt(Math.min(op, cl)), line));
                continue;
            }
            if (n > 0 && t <= b.time()[n - 1]) {
                problems.add(problem(lineNo, t == b.time()[n - 1]
                        ? "duplicate time '" + stamp + "' (same as line " + lastGoodLine + ")"
                        : "out of order: time '" + stamp + "' is before line " + lastGoodLine + "'s", line));
                continue;
            }
            if (daily < 0) {
                daily = dateOnly ? 1 : 0;
            }
            if (n == cap) {
                cap *= 2;
                b = grow(b, cap);
            }
            b.time()[n] = t;
            b.open()[n] = op;
            b.high()[n] = hi;
            b.low()[n] = lo;
            b.close()[n] = cl;
            b.volume()[n] = vo;
            b.adjClose()[n] = adj;
            b.dividend()[n] = div;
            b.split()[n] = spl;
            n++;
            lastGoodLine = lineNo;
        }
        if (rows == 0) {
            throw new ImportFileException(name, lineNo, "no rows after the header");
        }
        BarColumns bars = b.truncate(n);
        List<String> detected = new ArrayList<>();
        if (o.ticker() == null) {
            detected.add("ticker " + ticker + " from the file name");
        }
        Timeframe tf = o.timeframe();
        boolean isDaily = daily == 1;
        if (tf == null && n > 0) {
            tf = isDaily ? Timeframe.D1 : detectTimeframe(bars.time(), n, name);
            detected.add("timeframe " + tf + (isDaily ? " (the stamps are dates)" : " from the spacing of the stamps"));
        }
        ZoneId reportedZone = anyOffset && !anyLocal ? ZoneOffset.UTC : localZone;
        if (anyOffset && !anyLocal) {
            detected.add("stamps carry UTC offsets");
        } else if (!isDaily && o.sourceZone() == null) {
            detected.add("stamps without offset read in the exchange's zone " + exchange);
        }
        BarConvention convention = null;
        if (!isDaily && n > 0) {
            convention = o.convention();
            if (convention == null) {
                convention = detectConvention(bars, exchange, name, detected);
            }
            if (convention == BarConvention.END) {
                long len = tf.millis();
                for (int i = 0; i < n; i++) {
                    bars.time()[i] -= len;
                }
            }
        }
        return new ParsedFile(ticker, tf, reportedZone, convention, detected, bars, rows, problems);
    }

    private static boolean hasOffset(String iso) {
        int len = iso.length();
        char last = iso.charAt(len - 1);
        if (last == 'Z' || last == 'z') {
            return true;
        }
        if (len > 6 && iso.charAt(len - 3) == ':') {
            char sign = iso.charAt(len - 6);
            return (sign == '+' || sign == '-') && iso.lastIndexOf('T') < len - 6;
        }
        if (len > 5) {
            char sign = iso.charAt(len - 5);
            return (sign == '+' || sign == '-') && iso.lastIndexOf('T') < len - 5 && iso.indexOf(':', len - 5) < 0;
        }
        return false;
    }

    /** The most common spacing between consecutive stamps, as a timeframe. */
    static Timeframe detectTimeframe(long[] time, int n, String name) {
        if (n < 2) {
            throw new ImportFileException(name, 0, "cannot tell the bar size from one bar; give the timeframe");
        }
        Timeframe best = null;
        int bestCount = 0;
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
            if (count > bestCount) {
                best = t;
                bestCount = count;
            }
        }
        if (best == null) {
            throw new ImportFileException(name, 0, "cannot tell the bar size from the stamps; give the timeframe "
                    + "(1m, 5m, 10m, 15m, 30m, 1h, 1d)");
        }
        return best;
    }

    private static BarConvention detectConvention(BarColumns bars, ZoneId exchange, String name, List<String> detected) {
        int at930 = 0, at1600 = 0;
        double startVol = 0, endVol = 0;
        var rules = exchange.getRules();
        for (int i = 0; i < bars.size(); i++) {
            long t = bars.time()[i];
            long local = Math.floorDiv(t, 1000L) + rules.getOffset(java.time.Instant.ofEpochMilli(t)).getTotalSeconds();
            int minute = (int) (Math.floorMod(local, 86_400L) / 60);
            double v = Double.isNaN(bars.volume()[i]) ? 0 : bars.volume()[i];
            switch (minute) {
                case 570 -> { at930++; startVol += v; }
                case 571 -> endVol += v;
                case 959 -> startVol += v;
                case 960 -> { at1600++; endVol += v; }
                default -> { }
            }
        }
        if (at1600 != at930) {
            BarConvention c = at1600 > at930 ? BarConvention.END : BarConvention.START;
            detected.add("stamps mark the bar " + c.label() + " (" + at1600 + " stamps at 16:00, " + at930 + " at 09:30)");
            return c;
        }
        if (endVol != startVol) {
            BarConvention c = endVol > startVol ? BarConvention.END : BarConvention.START;
            detected.add("stamps mark the bar " + c.label() + " (the opening and closing minutes' volume sits on the "
                    + (c == BarConvention.END ? "09:31 and 16:00" : "09:30 and 15:59") + " stamps)");
            return c;
        }
        detected.add("could not tell whether stamps mark bar start or end; assumed start (give bar_convention)");
        return BarConvention.START;
    }

    private static BarColumns grow(BarColumns b, int cap) {
        BarColumns g = BarColumns.allocate(cap);
        int n = b.size();
        System.arraycopy(b.time(), 0, g.time(), 0, n);
        System.arraycopy(b.open(), 0, g.open(), 0, n);
        System.arraycopy(b.high(), 0, g.high(), 0, n);
        System.arraycopy(b.low(), 0, g.low(), 0, n);
        System.arraycopy(b.close(), 0, g.close(), 0, n);
        System.arraycopy(b.volume(), 0, g.volume(), 0, n);
        System.arraycopy(b.adjClose(), 0, g.adjClose(), 0, n);
        System.arraycopy(b.dividend(), 0, g.dividend(), 0, n);
        System.arraycopy(b.split(), 0, g.split(), 0, n);
        return g;
    }

    private static double number(String s, String column) {
        String t = s.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty value in column '" + column.trim() + "'");
        }
        double d;
        try {
            d = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read '" + t + "' in column '" + column.trim() + "' as a number");
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("'" + t + "' in column '" + column.trim() + "' is not a finite number");
        }
        return d;
    }

    private static RowProblem problem(int line, String reason, String text) {
        return new RowProblem(line, reason, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static int required(String[] cols, String c, String name, int line, String header) {
        int i = indexOf(cols, c);
        if (i < 0) {
            throw new ImportFileException(name, line, "no '" + c + "' column in header '" + header + "'");
        }
        return i;
    }

    private static int indexOf(String[] cols, String... names) {
        for (String name : names) {
            for (int i = 0; i < cols.length; i++) {
                if (cols[i].trim().equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
