package com.sigmatiq.pack.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.kit.web.testing.FuzzRun;
import com.sigmatiq.kit.web.testing.Refusal;
import com.sigmatiq.kit.web.testing.RequestFuzzer;
import com.sigmatiq.pack.support.Http;
import com.sigmatiq.pack.support.RepositoryPacks;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import com.sigmatiq.testinfra.TestJwks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bad pack uploads, tried as a new user would: a NUL or {@code null} among the files, and a bounded fuzz of the JSON
 * upload of the bundled pack. Each refusal is a 4xx problem (naming the file where the body is at fault), with
 * nothing stored; no request gets a 5xx.
 */
@SigmatiqIntegrationTest
class BadInputIntegrationTest {

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

    private final String token = JWKS.token(UUID.randomUUID().toString());

    private Map<String, Long> rows() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String table : List.of("pack", "pack_version")) {
            m.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return m;
    }

    /** {@code {"files": {...}}} of swingsigma under {@code id} at {@code version}. */
    private static String files(String id, String version) {
        Map<String, String> files = RepositoryPacks.swingsigmaAt(version);
        files.put("pack.yaml", files.get("pack.yaml").replace("id: \"swingsigma\"", "id: \"" + id + "\""));
        return Http.JSON.writeValueAsString(Map.of("files", files));
    }

    private FuzzRun.Answer upload(String body) {
        Http.Reply r = new Http(port).postRaw("/packs", token, body);
        return new FuzzRun.Answer(r.status(), r.header("Content-Type"), r.body());
    }

    private void refused(String body, String field) throws Exception {
        Refusal.check(this::upload, body, 400, field, this::rows);
    }

    @Test
    void aNulCharacterInAFileIs400NamingTheFile() throws Exception {
        String body = files("nul-pack", "1.0.0").replace("Swing Sigma", "Swing\\u0000Sigma");
        refused(body, "files.pack.yaml");
    }

    @Test
    void aNullFileIs400NamingTheFile() throws Exception {
        String body = files("null-pack", "1.0.0").replaceFirst("\"gates.yaml\":\"(\\\\.|[^\"\\\\])*\"", "\"gates.yaml\":null");
        refused(body, "files.gates.yaml");
    }

    @Test
    void fuzzedUploadsNeverGive5xxAndRefusalsStoreNothing() {
        List<String> seeds = List.of(files("swingsigma", "1.0.0"), files("fuzz-pack", "2.0.0"));
        List<RequestFuzzer.Case> cases = RequestFuzzer.cases(seeds, 20260106L, 200);
        FuzzRun.Report report = FuzzRun.run("pack POST /packs", cases, this::upload, this::rows);
        assertThat(report.failures()).isEmpty();
    }
}
