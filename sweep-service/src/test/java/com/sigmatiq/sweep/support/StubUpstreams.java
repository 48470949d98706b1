package com.sigmatiq.sweep.support;

import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarResampler;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.data.SessionClock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JDK {@code HttpServer} standing in for the three services sweep-service reads, serving the repository's real
 * files through the same endpoints and shapes:
 * <ul>
 *   <li>model-service: {@code GET /models/{id}} (models registered per owner; another owner's answers 404, as the
 *       real service does) and {@code PATCH /models/{id}/status} (recorded, to show that sweep-service sends none:
 *       model-service moves the model on {@code sweep.completed});</li>
 *   <li>pack-service: {@code GET /packs/swingsigma/versions/1.0.0/files} ({@code packs/swingsigma});</li>
 *   <li>market-data-service: {@code GET /series} and {@code GET /bars/SPY?timeframe=1m&from=&to=&format=csv} from
 *       {@code data/market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv}, converted as market-data-service serves
 *       it: regular-session bars by default, every bar with {@code extended=true}, ISO bar-start times in UTC, {@code time,open,high,low,close,volume}.</li>
 * </ul>
 * Every request must carry a bearer token (its subject is read, not verified: the real services verify it).
 */
public final class StubUpstreams implements AutoCloseable {

    public static final String PACK_ID = "swingsigma";
    public static final String PACK_VERSION = "1.0.0";

    private static StubUpstreams instance;

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Map<String, Object>> models = new ConcurrentHashMap<>();
    private final List<String> statusChanges = new CopyOnWriteArrayList<>();
    private final byte[] packFiles;
    private final BarSeries bars;
    private final SessionClock clock;

    public static synchronized StubUpstreams get() {
        if (instance == null) {
            instance = new StubUpstreams();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "stub-upstreams-stop"));
        }
        return instance;
    }

    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("packs"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root (with packs/) not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    private StubUpstreams() {
        try {
            Path root = repoRoot();
            Map<String, String> files = new TreeMap<>();
            try (var list = Files.list(root.resolve("packs").resolve(PACK_ID))) {
                for (Path f : list.filter(x -> x.toString().endsWith(".yaml")).toList()) {
                    files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            packFiles = json.writeValueAsBytes(Map.of("files", files));
            bars = BarCsvReader.read(root.resolve("data/market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv"),
                    BarCsvReader.Options.defaults().withTicker("SPY").withBarEnd(true));
            clock = SessionClock.of(bars);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A model of {@code owner} on SPY 1m with the seed's overrides (rsi_period 21, stop_loss_pct 6, max_position_pct 3). */
    public void addModel(String owner, String modelId) {
        addModel(owner, modelId, "1m");
    }

    /** A model of {@code owner} on SPY bars of {@code timeframe} with the seed's overrides. */
    public void addModel(String owner, String modelId, String timeframe) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("rsi_period", 21);
        overrides.put("stop_loss_pct", 6);
        overrides.put("max_position_pct", 3);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", modelId);
        m.put("pack_id", PACK_ID);
        m.put("pack_version", PACK_VERSION);
        m.put("name", "SPY Momentum Swing");
        m.put("ticker", "SPY");
        m.put("timeframe", timeframe);
        m.put("strategy_id", "momentum_swing");
        m.put("parameter_overrides", overrides);
        m.put("status", "created");
        models.put(owner + "/" + modelId, m);
    }

    /** {@code owner/model_id → status} of every PATCH received. */
    public List<String> statusChanges() {
        return statusChanges;
    }

    public BarSeries bars() {
        return bars;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                send(x, 401, "application/problem+json", "{\"status\":401}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String owner = subject(auth.substring(7));
            String path = x.getRequestURI().getPath();
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            if (path.startsWith("/models/") && path.endsWith("/status") && x.getRequestMethod().equals("PATCH")) {
                String id = path.substring("/models/".length(), path.length() - "/status".length());
                Map<String, Object> m = models.get(owner + "/" + id);
                if (m == null) {
                    send(x, 404, "application/problem+json", "{\"status\":404}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                JsonNode body = json.readTree(x.getRequestBody());
                m.put("status", body.get("status").asString());
                statusChanges.add(owner + "/" + id + " " + body.get("status").asString());
                send(x, 200, "application/json", json.writeValueAsBytes(m));
            } else if (path.startsWith("/models/")) {
                Map<String, Object> m = models.get(owner + "/" + path.substring("/models/".length()));
                if (m == null) {
                    send(x, 404, "application/problem+json", "{\"status\":404}".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(x, 200, "application/json", json.writeValueAsBytes(m));
                }
            } else if (path.equals("/packs/" + PACK_ID + "/versions/" + PACK_VERSION + "/files")) {
                send(x, 200, "application/json", packFiles);
            } else if (path.equals("/series")) {
                int first = firstRegular(0);
                int last = bars.size() - 1;
                while (!clock.regular(last)) {
                    last--;
                }
                List<Map<String, Object>> series = new ArrayList<>();
                for (String tf : List.of("1m", "5m")) {
                    series.add(Map.of("ticker", "SPY", "timeframe", tf, "exchange", "America/New_York", "bars", bars.size(),
                            "first", Instant.ofEpochMilli(bars.time()[first]).toString(),
                            "last", Instant.ofEpochMilli(bars.time()[last]).toString()));
                }
                send(x, 200, "application/json", json.writeValueAsBytes(series));
            } else if (path.equals("/bars/SPY") && q.get("timeframe") != null && "csv".equals(q.get("format"))) {
                // as market-data-service does: the engine's resampling of the stored minutes
                LocalDate from = LocalDate.parse(q.get("from"));
                LocalDate to = LocalDate.parse(q.get("to"));
                boolean extended = "true".equals(q.get("extended"));
                BarSeries out = BarResampler.resample(bars, Timeframe.parse(q.get("timeframe")), extended).bars();
                StringBuilder sb = new StringBuilder("time,open,high,low,close,volume\n");
                for (int i = 0; i < out.size(); i++) {
                    LocalDate d = Instant.ofEpochMilli(out.time()[i]).atZone(BarSeries.NEW_YORK).toLocalDate();
                    if (!d.isBefore(from) && !d.isAfter(to)) {
                        sb.append(Instant.ofEpochMilli(out.time()[i])).append(',').append(num(out.open()[i])).append(',')
                                .append(num(out.high()[i])).append(',').append(num(out.low()[i])).append(',')
                                .append(num(out.close()[i])).append(',').append(num(out.volume()[i])).append('\n');
                    }
                }
                send(x, 200, "text/csv", sb.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                send(x, 404, "application/problem+json", "{\"status\":404}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private int firstRegular(int i) {
        while (!clock.regular(i)) {
            i++;
        }
        return i;
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private String subject(String token) {
        String[] parts = token.split("\\.");
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        return claims.get("sub").asString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    m.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
