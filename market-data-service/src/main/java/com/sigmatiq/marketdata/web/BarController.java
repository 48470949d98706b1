package com.sigmatiq.marketdata.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import com.sigmatiq.marketdata.config.MarketDataProperties;
import com.sigmatiq.marketdata.domain.BarColumns;
import com.sigmatiq.marketdata.domain.BarQueryService.BarQuery;
import com.sigmatiq.marketdata.domain.BarQueryService;
import com.sigmatiq.marketdata.domain.GapReport;
import com.sigmatiq.marketdata.domain.BarStore;
import com.sigmatiq.marketdata.domain.BarStreamFormat;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Range queries. {@code GET /bars/{ticker}?timeframe=5m&from=2011-03-01&to=2011-03-31} with {@code adjusted},
 * {@code extended} (pre/post-market bars; default regular session only) and the answer's format: JSON (default),
 * CSV ({@code format=csv} or {@code Accept: text/csv}) or the compact binary stream ({@code format=binary} or
 * {@code Accept: application/vnd.sigmatiq.bars}; layout in {@link BarStreamFormat}). Stored raw bars of the
 * asked timeframe (daily, or intraday with {@code extended=true}) stream straight from PostgreSQL's COPY.
 */
@RestController
class BarController {

    /** One bar in JSON. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BarView(Instant time, double open, double high, double low, double close, Double volume, Double dividend,
                   Double split) {
    }

    record BarsResponse(String ticker, String timeframe, String exchange, String sourceTimeframe, boolean adjusted,
                        boolean extended, int count, List<BarView> bars) {
    }

    record SeriesView(String ticker, String timeframe, String exchange, boolean pricesSplitAdjusted, long bars,
                      Instant first, Instant last) {
    }

    private final BarQueryService queries;
    private final BarStore store;
    private final MarketDataProperties properties;
    private final JsonMapper json;

    BarController(BarQueryService queries, BarStore store, MarketDataProperties properties, JsonMapper json) {
        this.queries = queries;
        this.store = store;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/series")
    List<SeriesView> series() {
        return store.allSeries().stream().map(s -> new SeriesView(s.ticker(), s.timeframe().label(), s.exchange().getId(),
                s.pricesSplitAdjusted(), s.bars(), s.firstStartMs() == null ? null : Instant.ofEpochMilli(s.firstStartMs()),
                s.lastStartMs() == null ? null : Instant.ofEpochMilli(s.lastStartMs()))).toList();
    }

    @GetMapping("/bars/{ticker}")
    void bars(@PathVariable String ticker, @RequestParam(defaultValue = "1d") String timeframe,
              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
              @RequestParam(defaultValue = "false") boolean adjusted, @RequestParam(defaultValue = "false") boolean extended,
              @RequestParam(required = false) String format, @RequestParam(defaultValue = "iso") String time,
              @RequestParam(required = false) String source,
              @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
              HttpServletResponse response) throws IOException {
        String t = ticker.toUpperCase(Locale.ROOT);
        Timeframe tf = ImportController.field("timeframe", () -> Timeframe.parse(timeframe));
        String fmt = format(format, accept);
        boolean epochTime = "epoch_ms".equalsIgnoreCase(time);
        if (!epochTime && !"iso".equalsIgnoreCase(time)) {
            throw InvalidRequestException.of("time", "time must be iso or epoch_ms");
        }
        Timeframe sourceTf = source == null || source.isBlank() ? null
                : ImportController.field("source", () -> Timeframe.parse(source));
        BarStore.Series series = queries.source(t, tf, sourceTf);
        long fromMs = TimeParams.from(from, series.exchange(), "from");
        long toMs = TimeParams.to(to, series.exchange(), "to");
        if (fromMs >= toMs) {
            throw InvalidRequestException.of("to", "to must be after from");
        }
        BarQuery q = new BarQuery(t, tf, fromMs, toMs, adjusted, extended, sourceTf);
        if (!fmt.equals("json") && queries.streamable(q, series)) {
            response.setContentType(fmt.equals("csv") ? "text/csv" : BarStreamFormat.MEDIA_TYPE);
            OutputStream out = response.getOutputStream();
            store.copyOut(t, tf, fromMs, toMs, !fmt.equals("csv"), !epochTime, out);
            out.flush();
            return;
        }
        BarQueryService.BarResult r = queries.query(q);
        BarColumns b = r.bars();
        switch (fmt) {
            case "csv" -> {
                response.setContentType("text/csv");
                writeCsv(b, epochTime, response.getOutputStream());
            }
            case "binary" -> {
                response.setContentType(BarStreamFormat.MEDIA_TYPE);
                writeBinary(b, response.getOutputStream());
            }
            default -> {
                if (b.size() > properties.maxJsonBars()) {
                    throw InvalidRequestException.of("format", b.size() + " bars are too many for JSON (at most "
                            + properties.maxJsonBars() + "); ask format=csv or format=binary");
                }
                List<BarView> views = new ArrayList<>(b.size());
                for (int i = 0; i < b.size(); i++) {
                    views.add(new BarView(Instant.ofEpochMilli(b.time()[i]), b.open()[i], b.high()[i], b.low()[i],
                            b.close()[i], nan(b.volume()[i]), nan(b.dividend()[i]), nan(b.split()[i])));
                }
                response.setContentType("application/json");
                json.writeValue(response.getOutputStream(), new BarsResponse(t, tf.label(), r.exchange().getId(), r.source().label(),
                        adjusted, extended, b.size(), views));
            }
        }
    }

    @GetMapping("/bars/{ticker}/gaps")
    GapReport gaps(@PathVariable String ticker, @RequestParam(defaultValue = "1d") String timeframe,
                   @RequestParam String from, @RequestParam String to) {
        Timeframe tf = ImportController.field("timeframe", () -> Timeframe.parse(timeframe));
        LocalDate f = ImportController.field("from", () -> LocalDate.parse(from));
        LocalDate e = ImportController.field("to", () -> LocalDate.parse(to));
        if (e.isBefore(f)) {
            throw InvalidRequestException.of("to", "to must not be before from");
        }
        return queries.gaps(ticker.toUpperCase(Locale.ROOT), tf, f, e);
    }

    private static Double nan(double d) {
        return Double.isNaN(d) ? null : d;
    }

    private static String format(String format, String accept) {
        if (format != null && !format.isBlank()) {
            String f = format.toLowerCase(Locale.ROOT);
            if (!f.equals("json") && !f.equals("csv") && !f.equals("binary")) {
                throw InvalidRequestException.of("format", "format must be json, csv or binary");
            }
            return f;
        }
        if (accept != null) {
            if (accept.contains("text/csv")) {
                return "csv";
            }
            if (accept.contains(BarStreamFormat.MEDIA_TYPE) || accept.contains("application/octet-stream")) {
                return "binary";
            }
        }
        return "json";
    }

    static void writeCsv(BarColumns b, boolean epochTime, OutputStream raw) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(raw, 1 << 16);
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("time,open,high,low,close,volume\n");
        for (int i = 0; i < b.size(); i++) {
            if (epochTime) {
                sb.append(b.time()[i]);
            } else {
                sb.append(Instant.ofEpochMilli(b.time()[i]));
            }
            sb.append(',').append(b.open()[i]).append(',').append(b.high()[i]).append(',').append(b.low()[i]).append(',')
                    .append(b.close()[i]).append(',');
            if (!Double.isNaN(b.volume()[i])) {
                sb.append(b.volume()[i]);
            }
            sb.append('\n');
            if (sb.length() > 60_000) {
                out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
                sb.setLength(0);
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    static void writeBinary(BarColumns b, OutputStream raw) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
        out.write(BarStreamFormat.magic());
        for (int i = 0; i < b.size(); i++) {
            out.writeLong(b.time()[i]);
            out.writeDouble(b.open()[i]);
            out.writeDouble(b.high()[i]);
            out.writeDouble(b.low()[i]);
            out.writeDouble(b.close()[i]);
            out.writeDouble(b.volume()[i]);
        }
        out.flush();
    }
}
