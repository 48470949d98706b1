package com.sigmatiq.pack.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.pack.domain.BundledPackImporter;
import com.sigmatiq.pack.domain.PackCatalogue;
import com.sigmatiq.pack.support.Http;
import com.sigmatiq.pack.support.RepositoryPacks;
import com.sigmatiq.testinfra.TestJwks;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * pack-service end to end on the shared embedded PostgreSQL (schema {@code pack}) with Kafka running, the
 * repository's {@code packs/} loaded at start, and RS256 tokens from {@link TestJwks} checked against its JWKS.
 */
@SigmatiqIntegrationTest
class PackServiceIntegrationTest {

    static final TestJwks JWKS = TestJwks.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWKS::jwkSetUri);
        r.add("sigmatiq.packs.dir", () -> RepositoryPacks.dir().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BundledPackImporter bundled;

    @Autowired
    PackCatalogue catalogue;

    Http http;
    final String user = UUID.randomUUID().toString();
    String token;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        token = JWKS.token(user);
    }

    // ------------------------------------------------------------------ bundled packs and reads

    @Test
    void bundledSwingsigmaIsLoadedAtStartAndARestartChangesNothing() {
        var list = http.get("/packs", token);
        assertThat(list.status()).isEqualTo(200);
        JsonNode swing = find(list.json(), "swingsigma");
        assertThat(swing.get("name").asString()).isEqualTo("Swing Sigma");
        assertThat(swing.get("latest_version").asString()).isEqualTo("1.0.0");
        assertThat(swing.get("description").asString()).isEqualTo("2-10 day swing trading strategies for stocks and options");
        assertThat(swing.get("strategies").values().stream().map(JsonNode::asString))
                .containsExactly("momentum_swing", "mean_reversion_swing", "breakout_swing");

        assertThat(bundled.importAll()).containsEntry("swingsigma", BundledPackImporter.Result.UNCHANGED);
        assertThat(jdbc.sql("select count(*) from pack_version where pack_id = 'swingsigma'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select uploaded_by from pack_version where pack_id = 'swingsigma'").query(String.class).optional())
                .isEmpty();
        assertThat(jdbc.sql("select current_schema()").query(String.class).single()).isEqualTo("pack");
    }

    @Test
    void aChangedBundledFolderUnderTheStoredVersionIsRefusedAtStart(@TempDir Path dir) throws IOException {
        Map<String, String> changed = RepositoryPacks.swingsigma();
        changed.put("gates.yaml", changed.get("gates.yaml").replace("min_sharpe: 0.7", "min_sharpe: 0.8"));
        Files.createDirectories(dir.resolve("swingsigma"));
        for (var e : changed.entrySet()) {
            Files.writeString(dir.resolve("swingsigma").resolve(e.getKey()), e.getValue());
        }

        assertThat(new BundledPackImporter(catalogue, dir).importAll())
                .containsEntry("swingsigma", BundledPackImporter.Result.CONFLICT);
        var gates = http.get("/packs/swingsigma/versions/1.0.0/files/gates.yaml", token);
        assertThat(gates.body()).contains("min_sharpe: 0.7");
    }

    @Test
    void latestVersionAndFilesOfTheBundledPack() {
        var latest = http.get("/packs/swingsigma", token);
        assertThat(latest.status()).isEqualTo(200);
        JsonNode p = latest.json();
        Map<String, String> disk = RepositoryPacks.swingsigma();
        assertThat(p.get("version").asString()).isEqualTo("1.0.0");
        assertThat(p.get("content_hash").asString()).isEqualTo(PackLoader.contentHash(disk));
        assertThat(p.get("pack").get("author").asString()).isEqualTo("Sigmatiq Team");
        assertThat(p.get("indicators").get(1).get("kind").asString()).isEqualTo("macd");
        assertThat(p.get("indicators").get(1).get("params").get("slow_period").asInt()).isEqualTo(26);
        assertThat(p.get("features").get(5).get("calculation").asString())
                .isEqualTo("normalized(rsi) + normalized(macd) + normalized(stochastic)");
        assertThat(p.get("strategies").get(2).get("entry_logic").get(3).get("rule").asString()).isEqualTo("adx increasing");
        assertThat(p.get("gates").get("risk").get("max_var_95").asInt()).isEqualTo(10);
        assertThat(p.get("policies").get("risk_management").get("take_profit_pct").asInt()).isEqualTo(16);

        var version = http.get("/packs/swingsigma/versions/1.0.0", token);
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.json().get("content_hash").asString()).isEqualTo(p.get("content_hash").asString());

        var versions = http.get("/packs/swingsigma/versions", token);
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.json().get(versions.json().size() - 1).get("version").asString()).isEqualTo("1.0.0");

        for (String f : PackLoader.FILES) {
            var raw = http.get("/packs/swingsigma/versions/1.0.0/files/" + f, token);
            assertThat(raw.status()).isEqualTo(200);
            assertThat(raw.header("Content-Type")).startsWith("application/yaml");
            assertThat(raw.body()).isEqualTo(disk.get(f));
        }

        // what model-service does: rebuild the engine's Pack from the files answer
        var files = http.get("/packs/swingsigma/versions/1.0.0/files", token);
        Map<String, String> got = new TreeMap<>();
        files.json().get("files").properties().forEach(e -> got.put(e.getKey(), e.getValue().asString()));
        assertThat(PackLoader.load(got).contentHash()).isEqualTo(files.json().get("content_hash").asString());
    }

    @Test
    void unknownPackVersionOrFileIs404ProblemDetail() {
        for (String path : List.of("/packs/nope", "/packs/nope/versions", "/packs/swingsigma/versions/9.9.9",
                "/packs/nope/versions/1.0.0/files", "/packs/swingsigma/versions/1.0.0/files/readme.md")) {
            var r = http.get(path, token);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(404);
            assertThat(r.json().get("detail").asString()).isNotBlank();
        }
    }

    // ------------------------------------------------------------------ uploads

    @Test
    void jsonUploadCreatesAPackAndMultipartAddsAVersionThatBecomesLatest() {
        String id = uniqueId();
        var created = http.postJson("/packs", token, Map.of("files", pack(id, "1.0.0")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/packs/" + id + "/versions/1.0.0");
        assertThat(created.json().get("uploaded_by").asString()).isEqualTo(user);
        assertThat(http.get(created.header("Location"), token).status()).isEqualTo(200);

        var next = http.postMultipart("/packs", token, pack(id, "1.1.0"));
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.header("Location")).endsWith("/packs/" + id + "/versions/1.1.0");

        // an older version uploaded later does not move latest
        assertThat(http.postJson("/packs", token, Map.of("files", pack(id, "1.0.5"))).status()).isEqualTo(201);

        JsonNode summary = find(http.get("/packs", token).json(), id);
        assertThat(summary.get("latest_version").asString()).isEqualTo("1.1.0");
        assertThat(http.get("/packs/" + id, token).json().get("version").asString()).isEqualTo("1.1.0");
        JsonNode versions = http.get("/packs/" + id + "/versions", token).json();
        assertThat(versions.values().stream().map(v -> v.get("version").asString()))
                .containsExactly("1.1.0", "1.0.5", "1.0.0");
        assertThat(versions.get(0).get("uploaded_by").asString()).isEqualTo(user);
        assertThat(jdbc.sql("select uploaded_by from pack_version where pack_id = ? and version = '1.1.0'")
                .param(id).query(String.class).single()).isEqualTo(user);
    }

    @Test
    void reUploadingTheSameContentIs200AndChangedContentUnderTheSameVersionIs409() {
        String id = uniqueId();
        Map<String, String> files = pack(id, "2.0.0");
        assertThat(http.postJson("/packs", token, Map.of("files", files)).status()).isEqualTo(201);

        var again = http.postJson("/packs", token, Map.of("files", files));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("content_hash").asString()).isEqualTo(PackLoader.contentHash(files));
        assertThat(http.postMultipart("/packs", JWKS.token(UUID.randomUUID().toString()), files).status()).isEqualTo(200);

        Map<String, String> changed = new TreeMap<>(files);
        changed.put("policies.yaml", changed.get("policies.yaml").replace("stop_loss_pct: 8", "stop_loss_pct: 7"));
        var conflict = http.postJson("/packs", token, Map.of("files", changed));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
        assertThat(conflict.json().get("stored_hash").asString()).isEqualTo(PackLoader.contentHash(files));
        assertThat(conflict.json().get("offered_hash").asString()).isEqualTo(PackLoader.contentHash(changed));

        assertThat(jdbc.sql("select count(*) from pack_version where pack_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(http.get("/packs/" + id + "/versions/2.0.0/files/policies.yaml", token).body()).contains("stop_loss_pct: 8");
    }

    /** One broken pack per kind of engine error; each must come back with its file, line and column. */
    record Broken(String what, String file, String from, String to, String message, int columnShift, int lineShift) {
        @Override
        public String toString() {
            return what;
        }
    }

    /**
     * Expected column = column of {@code to} + {@code columnShift} (-1: any positive column); expected line =
     * line of {@code to} + {@code lineShift}. The positions were checked by hand against the edited files.
     */
    static Stream<Broken> brokenPacks() {
        return Stream.of(
                new Broken("unknown indicator kind", "indicators.yaml", "id: \"atr\"", "id: \"atrx\"",
                        "unknown indicator kind 'atrx'", 5, 0),
                new Broken("parameter out of range", "indicators.yaml", "period: 50", "period: 1",
                        "must be an integer from 2", 8, 0),
                new Broken("numeric rule", "strategies.yaml", "- \"adx > 25\"", "- \"adx + 25\"",
                        "a rule must be true or false", 3, 0),
                new Broken("unknown name in a rule", "strategies.yaml", "- \"price > ema_20\"", "- \"price > ema_21\"",
                        "ema_21", 11, 0),
                // columns inside a formula: the quote is at the column of `to`, the text starts one later
                new Broken("formula parse error", "features.yaml", "\"macd_line > signal_line\"", "\"macd_line > > signal_line\"",
                        "feature 'macd_cross': expected a number, a name, a function call or '(' but found '>'", 13, 0),
                new Broken("type error", "features.yaml", "\"volume > volume_ma * 1.5\"", "\"volume > volume_ma * true\"",
                        "feature 'volume_surge': 'true' is a boolean but * needs numbers", 22, 0),
                new Broken("unknown gate", "gates.yaml", "min_trades: 30", "min_trade: 30", "unknown quality gate 'min_trade'", 0, 0),
                new Broken("bad policy choice", "policies.yaml", "order_type: \"limit\"", "order_type: \"limt\"",
                        "'order_type' must be one of limit, market", 13, 0),
                // the YAML parser notices the unclosed quote on the next line
                new Broken("yaml syntax", "pack.yaml", "name: \"Swing Sigma\"", "name: \"Swing Sigma", "", -1, 1),
                new Broken("missing file", "policies.yaml", null, null, "missing", 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPacks")
    void engineErrorsComeBackAs400WithFileLineAndColumn(Broken b) {
        String id = uniqueId();
        Map<String, String> files = pack(id, "1.0.0");
        int line = 0;
        int column = 0;
        if (b.from() == null) {
            files.remove(b.file());
        } else {
            String text = files.get(b.file());
            int at = text.indexOf(b.from());
            assertThat(at).as("test setup: '%s' in %s", b.from(), b.file()).isNotNegative();
            files.put(b.file(), text.substring(0, at) + b.to() + text.substring(at + b.from().length()));
            line = 1 + b.lineShift() + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
            column = at - text.lastIndexOf('\n', at - 1) + b.columnShift();
        }

        var r = http.postJson("/packs", token, Map.of("files", files));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("title").asString()).isEqualTo("Invalid pack");
        List<JsonNode> errors = new ArrayList<>(r.json().get("errors").values());
        assertThat(errors).as(r.body()).isNotEmpty();
        JsonNode e = errors.get(0);
        assertThat(e.get("file").asString()).as(r.body()).isEqualTo(b.file());
        assertThat(e.get("message").asString()).as(r.body()).contains(b.message());
        assertThat(e.get("line").asInt()).as(r.body()).isEqualTo(line);
        if (b.columnShift() >= 0) {
            assertThat(e.get("column").asInt()).as(r.body()).isEqualTo(column);
        } else {
            assertThat(e.get("column").asInt()).as(r.body()).isPositive();
        }
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
        assertThat(jdbc.sql("select count(*) from pack where id = ?").param(id).query(Long.class).single()).isZero();
    }

    // ------------------------------------------------------------------ security, docs, health

    @Test
    void requestsWithoutAValidTokenAre401ProblemDetails() {
        String someone = UUID.randomUUID().toString();
        for (String t : new String[] {null, "not-a-jwt", JWKS.tokenSignedByAnotherKey(someone),
                JWKS.token(someone, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))),
                JWKS.token(someone, c -> c.issuer("someone-else"))}) {
            var r = http.get("/packs", t);
            assertThat(r.status()).as(String.valueOf(t)).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(401);
        }
        assertThat(http.postJson("/packs", null, Map.of("files", pack(uniqueId(), "1.0.0"))).status()).isEqualTo(401);
    }

    @Test
    void openApiDocumentAndHealthNeedNoToken() {
        var docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Sigmatiq pack-service");
        assertThat(docs.json().get("info").get("description").asString()).contains("Strategy packs");
        assertThat(docs.json().get("security").toString()).contains("bearer");
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.propertyNames()).contains("/packs", "/packs/{id}", "/packs/{id}/versions",
                "/packs/{id}/versions/{version}", "/packs/{id}/versions/{version}/files",
                "/packs/{id}/versions/{version}/files/{file}");
        assertThat(paths.get("/packs").get("post").get("requestBody").get("content").propertyNames())
                .contains("application/json", "multipart/form-data");

        var health = http.get("/actuator/health/readiness", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ helpers

    private static String uniqueId() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** swingsigma's files under another pack id and version. */
    private static Map<String, String> pack(String id, String version) {
        Map<String, String> files = RepositoryPacks.swingsigmaAt(version);
        files.put("pack.yaml", files.get("pack.yaml").replace("id: \"swingsigma\"", "id: \"" + id + "\""));
        return files;
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list.values()) {
            if (n.get("id").asString().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no pack " + id + " in " + list);
    }
}
