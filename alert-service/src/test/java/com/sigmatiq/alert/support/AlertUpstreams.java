package com.sigmatiq.alert.support;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.testinfra.TestJwks;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JDK {@code HttpServer} standing in for what alert-service reads with its own token, through the real paths and
 * shapes: the gateway's {@code POST /api/auth/service-token}, pack-service's files of {@code packs/swingsigma},
 * training-service's {@code GET /training/internal/trained-models/{id}?owner_id=} (models registered by the test), and
 * market-data-service's {@code GET /series} and {@code GET /bars/SPY?timeframe=5m…&format=csv} of {@link Spy5m}.
 * Every request but the token's must carry a bearer token.
 */
public final class AlertUpstreams implements AutoCloseable {

    private static AlertUpstreams instance;

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final TestJwks jwks;
    private final byte[] packFiles;
    private final Map<String, Map<String, byte[]>> trained = new ConcurrentHashMap<>();
    private final AtomicInteger barReads = new AtomicInteger();

    public static synchronized AlertUpstreams get(TestJwks jwks) {
        if (instance == null) {
            instance = new AlertUpstreams(jwks);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "alert-upstreams-stop"));
        }
        return instance;
    }

    private AlertUpstreams(TestJwks jwks) {
        this.jwks = jwks;
        try {
            packFiles = json.writeValueAsBytes(Map.of("files", Spy5m.packFiles()));
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

    /** Serves a trained model's artifacts to the owner's runtime. */
    public void addTrainedModel(String ownerId, String trainedModelId, Map<String, byte[]> artifacts) {
        trained.put(ownerId + "/" + trainedModelId, artifacts);
    }

    /** How many times bars were read (warm-ups). */
    public int barReads() {
        return barReads.get();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            if (path.equals("/api/auth/service-token") && x.getRequestMethod().equals("POST")) {
                String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!body.contains("\"test-service-secret\"")) {
                    send(x, 401, "{}");
                    return;
                }
                send(x, 200, json.writeValueAsString(Map.of("access_token", jwks.serviceToken("alert-service"),
                        "token_type", "Bearer", "expires_in", 3600)));
                return;
            }
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                send(x, 401, "{}");
                return;
            }
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            BarSeries bars = Spy5m.BARS;
            if (path.equals("/packs/swingsigma/versions/1.0.0/files")) {
                send(x, 200, new String(packFiles, StandardCharsets.UTF_8));
            } else if (path.startsWith("/training/internal/trained-models/")) {
                Map<String, byte[]> a = trained.get(q.get("owner_id") + "/" + path.substring(path.lastIndexOf('/') + 1));
                if (a == null) {
                    send(x, 404, "{}");
                    return;
                }
                Map<String, String> encoded = new LinkedHashMap<>();
                a.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v)));
                send(x, 200, json.writeValueAsString(Map.of("artifacts", encoded)));
            } else if (path.equals("/series")) {
                send(x, 200, json.writeValueAsString(List.of(Map.of("ticker", "SPY", "timeframe", "5m",
                        "first", Instant.ofEpochMilli(bars.time()[0]).toString(),
                        "last", Instant.ofEpochMilli(bars.time()[bars.size() - 1]).toString()))));
            } else if (path.equals("/bars/SPY") && "5m".equals(q.get("timeframe")) && "csv".equals(q.get("format"))) {
                barReads.incrementAndGet();
                LocalDate from = LocalDate.parse(q.get("from"));
                LocalDate to = LocalDate.parse(q.get("to"));
                StringBuilder sb = new StringBuilder("time,open,high,low,close,volume\n");
                ZoneId ny = ZoneId.of("America/New_York");
                for (int i = 0; i < bars.size(); i++) {
                    LocalDate d = Instant.ofEpochMilli(bars.time()[i]).atZone(ny).toLocalDate();
                    if (!d.isBefore(from) && !d.isAfter(to)) {
                        sb.append(Instant.ofEpochMilli(bars.time()[i])).append(',').append(bars.open()[i]).append(',')
                                .append(bars.high()[i]).append(',').append(bars.low()[i]).append(',')
                                .append(bars.close()[i]).append(',').append(bars.volume()[i]).append('\n');
                    }
                }
                send(x, 200, sb.toString());
            } else {
                send(x, 404, "{}");
            }
        }
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

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", body.startsWith("time,") ? "text/csv" : "application/json");
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(b);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
