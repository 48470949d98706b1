package com.sigmatiq.model.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for training-service over HTTP (a JDK {@code HttpServer}): {@code GET /training/trained-models/{id}} answers
 * the trained model registered for the bearer token's subject, in training-service's shape ({@code id, job_id,
 * model_id, sweep_id, combo_id, …, config, effective_config, pack_id, pack_version, strategy_id, ticker, timeframe,
 * artifacts}), and 404 (a problem) for an id the subject does not have or whose job is not completed, as
 * training-service does. The token's signature is not checked here (model-service checked it). Records the
 * {@code Authorization} headers.
 */
public final class StubTrainingService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static StubTrainingService instance;

    private final HttpServer server;
    private final Map<String, Map<String, Object>> completed = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> subjects = new CopyOnWriteArrayList<>();

    private StubTrainingService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized StubTrainingService get() {
        if (instance == null) {
            try {
                instance = new StubTrainingService();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The effective configuration every registered trained model carries (key order kept). */
    public static Map<String, Object> effectiveConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("rsi_period", 21);
        c.put("threshold", 0.6);
        c.put("stop_loss_pct", 6.0);
        c.put("max_position_pct", 3.0);
        c.put("trailing_stop", false);
        return c;
    }

    /** Registers a completed trained model of {@code owner} (SPY, swingsigma 1.0.0, momentum_swing, combo 15). */
    public void completed(String owner, String trainedModelId, String modelId, String timeframe) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", trainedModelId);
        body.put("job_id", "6f1c1f0e-8a5e-4c52-9a3c-0d8c1b1a2b3c");
        body.put("model_id", modelId);
        body.put("sweep_id", "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        body.put("combo_id", 15);
        body.put("sharpe_backtest", 1.84);
        body.put("sharpe_validation", 1.21);
        body.put("auc_validation", 0.61);
        body.put("created_at", "2024-01-15T20:00:00Z");
        body.put("config", Map.of("rsi_period", 21));
        body.put("effective_config", effectiveConfig());
        body.put("pack_id", "swingsigma");
        body.put("pack_version", "1.0.0");
        body.put("strategy_id", "momentum_swing");
        body.put("ticker", "SPY");
        body.put("timeframe", timeframe);
        body.put("artifacts", List.of());
        completed.put(owner + "/" + trainedModelId, body);
    }

    /** {@code Authorization} headers received, oldest first ({@code "null"} when absent). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The subjects of the bearer tokens received, oldest first. */
    public List<String> subjects() {
        return List.copyOf(subjects);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(authorization));
        String path = exchange.getRequestURI().getPath();
        String prefix = "/training/trained-models/";
        Map<String, Object> body = null;
        if (exchange.getRequestMethod().equals("GET") && path.startsWith(prefix) && authorization != null
                && authorization.startsWith("Bearer ")) {
            String subject = subject(authorization.substring(7));
            subjects.add(subject);
            body = completed.get(subject + "/" + path.substring(prefix.length()));
        }
        if (body == null) {
            send(exchange, 404, ("{\"type\":\"about:blank\",\"title\":\"Trained model not found\",\"status\":404,"
                    + "\"detail\":\"no " + path + "\"}").getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, 200, JSON.writeValueAsBytes(body));
        }
    }

    private static String subject(String jwt) {
        String[] parts = jwt.split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        return claims.path("sub").asString("");
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
