package com.sigmatiq.model.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for pack-service over HTTP (a JDK {@code HttpServer}) until the real one can run in this test JVM:
 * serves the repository's {@code packs/swingsigma} as version 1.0.0 through the endpoints model-service uses,
 * {@code GET /packs/swingsigma} (latest, with {@code version}) and
 * {@code GET /packs/swingsigma/versions/1.0.0/files} ({@code {files: {name: yaml}}}), plus {@code GET /packs}
 * ({@code [{id, name, latest_version}]}, for the valid choices of an unknown pack id); anything else is 404.
 * Records the {@code Authorization} header of each request so tests can check the caller's token is forwarded.
 */
public final class StubPackService {

    public static final String PACK_ID = "swingsigma";
    public static final String VERSION = "1.0.0";

    private static StubPackService instance;

    private final HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private StubPackService() throws IOException {
        Path dir = packDir();
        Map<String, String> files = new TreeMap<>();
        try (var list = Files.list(dir)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        byte[] latest = json.writeValueAsBytes(Map.of("id", PACK_ID, "name", "Swing Sigma", "version", VERSION));
        byte[] list = json.writeValueAsBytes(List.of(Map.of("id", PACK_ID, "name", "Swing Sigma", "latest_version", VERSION)));
        byte[] filesBody = json.writeValueAsBytes(Map.of("files", files));
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "{}".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/packs")) {
                send(exchange, 200, list);
            } else if (path.equals("/packs/" + PACK_ID)) {
                send(exchange, 200, latest);
            } else if (path.equals("/packs/" + PACK_ID + "/versions/" + VERSION + "/files")) {
                send(exchange, 200, filesBody);
            } else {
                send(exchange, 404, ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no "
                        + path + "\"}").getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    public static synchronized StubPackService get() {
        if (instance == null) {
            try {
                instance = new StubPackService();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** {@code packs/swingsigma} of the repository (tests run in the module folder). */
    public static Path packDir() {
        Path p = Path.of("..", "packs", PACK_ID);
        if (!Files.isDirectory(p)) {
            p = Path.of("packs", PACK_ID);
        }
        return p;
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** {@code Authorization} headers received, oldest first ({@code "null"} when absent). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
