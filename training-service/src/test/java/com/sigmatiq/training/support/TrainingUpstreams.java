package com.sigmatiq.training.support;

import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.strategy.StrategyConfig;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JDK {@code HttpServer} standing in for the four services training-service reads, with the repository's real
 * files and the engine's real numbers, through the same endpoints and shapes:
 * <ul>
 *   <li>model-service {@code GET /models/{id}}, per owner (another owner's answers 404);</li>
 *   <li>pack-service {@code GET /packs/swingsigma/versions/1.0.0/files} ({@code packs/swingsigma});</li>
 *   <li>market-data-service {@code GET /series} and {@code GET /bars/SPY?timeframe=1d&from=&to=&format=csv} from
 *       {@code data/market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv};</li>
 *   <li>sweep-service {@code GET /sweeps/{id}}, {@code GET /sweeps?model_id=&status=} and
 *       {@code GET /sweeps/{id}/results/{combo}}: sweeps registered by the test, whose combinations' effective
 *       configuration and Sharpe ratio are the engine's backtest of them, as sweep-service computes them.</li>
 * </ul>
 */
public final class TrainingUpstreams implements AutoCloseable {

    public static final String PACK_ID = "swingsigma";
    public static final String PACK_VERSION = "1.0.0";
    public static final String STRATEGY = "momentum_swing";

    private static TrainingUpstreams instance;

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Map<String, Object>> models = new ConcurrentHashMap<>();
    private final Map<String, Sweep> sweeps = new ConcurrentHashMap<>();
    private final byte[] packFiles;
    private final Pack pack;
    private final BarSeries bars;
    private final byte[] csv;

    /** A registered sweep: owner, model, status, range and its combinations (id → swept values). */
    public record Sweep(String id, String owner, String modelId, String status, LocalDate start, LocalDate end,
                        long total, Map<Long, Map<String, Object>> combos, Instant createdAt) {
    }

    public static synchronized TrainingUpstreams get() {
        if (instance == null) {
            instance = new TrainingUpstreams();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "training-upstreams-stop"));
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

    private TrainingUpstreams() {
        try {
            Path root = repoRoot();
            Map<String, String> files = new TreeMap<>();
            try (var list = Files.list(root.resolve("packs").resolve(PACK_ID))) {
                for (Path f : list.filter(x -> x.toString().endsWith(".yaml")).toList()) {
                    files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            packFiles = json.writeValueAsBytes(Map.of("files", files));
            pack = PackLoader.load(files);
            bars = BarCsvReader.read(root.resolve("data/market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv"),
                    BarCsvReader.Options.defaults().withTicker("SPY"));
            StringBuilder sb = new StringBuilder("time,open,high,low,close,volume\n");
            for (int i = 0; i < bars.size(); i++) {
                sb.append(Instant.ofEpochMilli(bars.time()[i])).append(',').append(bars.open()[i]).append(',')
                        .append(bars.high()[i]).append(',').append(bars.low()[i]).append(',').append(bars.close()[i])
                        .append(',').append(bars.volume()[i]).append('\n');
            }
            csv = sb.toString().getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Pack pack() {
        return pack;
    }

    /** The daily bars as market-data-service serves them (parsed back from its CSV by the service). */
    public BarSeries bars() {
        return bars;
    }

    /** A model of {@code owner} on SPY daily, momentum_swing, no overrides, status swept. */
    public void addModel(String owner, String modelId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", modelId);
        m.put("pack_id", PACK_ID);
        m.put("pack_version", PACK_VERSION);
        m.put("name", "SPY Momentum Swing");
        m.put("ticker", "SPY");
        m.put("timeframe", "1d");
        m.put("strategy_id", STRATEGY);
        m.put("selected_indicators", List.of());
        m.put("selected_features", List.of());
        m.put("parameter_overrides", Map.of());
        m.put("status", "swept");
        models.put(owner + "/" + modelId, m);
    }

    /** Registers a sweep; returns it. */
    public Sweep addSweep(String id, String owner, String modelId, String status, LocalDate start, LocalDate end,
                          Map<Long, Map<String, Object>> combos) {
        Sweep s = new Sweep(id, owner, modelId, status, start, end, 30, combos, Instant.now());
        sweeps.put(id, s);
        return s;
    }

    /** The seed's combinations 15 and 23 (seed 5.1). */
    public static Map<Long, Map<String, Object>> seedCombos() {
        Map<Long, Map<String, Object>> c = new LinkedHashMap<>();
        c.put(15L, config(0.60, List.of(9, 10, 11)));
        c.put(23L, config(0.65, List.of(13, 14, 15)));
        return c;
    }

    private static Map<String, Object> config(double threshold, List<Integer> hours) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", threshold);
        m.put("allowed_hours", hours);
        m.put("position_size_pct", 2);
        return m;
    }

    /** The effective configuration of a combination, as sweep-service resolves it. */
    public StrategyConfig effective(Map<String, Object> combo) {
        return StrategyConfig.resolve(pack, STRATEGY, combo);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                send(x, 401, "{\"status\":401}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String owner = subject(auth.substring(7));
            String path = x.getRequestURI().getPath();
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            if (path.startsWith("/models/")) {
                Map<String, Object> m = models.get(owner + "/" + path.substring("/models/".length()));
                send(x, m == null ? 404 : 200, json.writeValueAsBytes(m == null ? Map.of("status", 404) : m));
            } else if (path.equals("/packs/" + PACK_ID + "/versions/" + PACK_VERSION + "/files")) {
                send(x, 200, packFiles);
            } else if (path.equals("/series")) {
                send(x, 200, json.writeValueAsBytes(List.of(Map.of("ticker", "SPY", "timeframe", "1d", "bars", bars.size(),
                        "first", Instant.ofEpochMilli(bars.time()[0]).toString(),
                        "last", Instant.ofEpochMilli(bars.time()[bars.size() - 1]).toString()))));
            } else if (path.equals("/bars/SPY") && "1d".equals(q.get("timeframe")) && "csv".equals(q.get("format"))) {
                send(x, 200, csv); // the whole history: training asks for all of it
            } else if (path.equals("/sweeps")) {
                List<Map<String, Object>> rows = new ArrayList<>();
                sweeps.values().stream().filter(s -> s.owner().equals(owner))
                        .filter(s -> q.get("model_id") == null || s.modelId().equals(q.get("model_id")))
                        .filter(s -> q.get("status") == null || s.status().equals(q.get("status")))
                        .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                        .forEach(s -> rows.add(sweepJson(s)));
                send(x, 200, json.writeValueAsBytes(Map.of("sweeps", rows)));
            } else if (path.startsWith("/sweeps/")) {
                String[] p = path.substring("/sweeps/".length()).split("/");
                Sweep s = sweeps.get(p[0]);
                if (s == null || !s.owner().equals(owner)) {
                    send(x, 404, "{\"status\":404}".getBytes(StandardCharsets.UTF_8));
                } else if (p.length == 1) {
                    send(x, 200, json.writeValueAsBytes(sweepJson(s)));
                } else if (p.length == 3 && p[1].equals("results") && s.combos().containsKey(Long.parseLong(p[2]))) {
                    send(x, 200, json.writeValueAsBytes(result(s, Long.parseLong(p[2]))));
                } else {
                    send(x, 404, "{\"status\":404}".getBytes(StandardCharsets.UTF_8));
                }
            } else {
                send(x, 404, "{\"status\":404}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private Map<String, Object> sweepJson(Sweep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep_id", s.id());
        m.put("model_id", s.modelId());
        m.put("status", s.status());
        m.put("date_range", Map.of("start", s.start().toString(), "end", s.end().toString()));
        m.put("total_combinations", s.total());
        return m;
    }

    /** What {@code GET /sweeps/{id}/results/{combo}} answers: the engine's backtest of the combination. */
    public Map<String, Object> result(Sweep s, long combo) {
        StrategyConfig c = effective(s.combos().get(combo));
        int[] range = StrategyBacktest.range(bars, SessionClock.of(bars), s.start(), s.end());
        StrategyBacktest.Report r = StrategyBacktest.run(c, bars, range[0], range[1], null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep_id", s.id());
        m.put("combo_id", combo);
        m.put("config", s.combos().get(combo));
        m.put("effective_config", c.toMap());
        m.put("metrics", r.result().metrics().toMap());
        return m;
    }

    private String subject(String token) {
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return claims.get("sub").asString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    m.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", status == 200 && body.length > 0 && body[0] == 't'
                ? "text/csv" : status == 200 ? "application/json" : "application/problem+json");
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
