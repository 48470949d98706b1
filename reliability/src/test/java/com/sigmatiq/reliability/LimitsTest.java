package com.sigmatiq.reliability;

import com.sigmatiq.reliability.Platform.Response;
import com.sigmatiq.reliability.Platform.User;
import com.sigmatiq.reliability.UploadFuzzTest.Multipart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits (issue 17), each through the gateway and each refused with a problem that says what the limit is:
 * request body size, upload size, YAML alias expansion, expression depth and sweep grid size.
 */
@Order(4)
class LimitsTest {

    private static Platform p;
    private static User user;

    @BeforeAll
    static void platform() {
        p = Platform.get();
        user = p.register("limits");
    }

    @Test
    void aJsonBodyOverOneMegabyteIs413NamingTheLimit() {
        byte[] body = ("{\"model_id\":\"" + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);

        Response r = p.send("POST", "/api/models", user.token(), "application/json", body);

        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("max_bytes").asLong()).isEqualTo(1L << 20); // 1MB as Spring's DataSize reads it
    }

    @Test
    void aPackFileOverItsUploadLimitIs413() {
        Map<String, String> files = UploadFuzzTest.seedPack();
        files.put("pack.yaml", files.get("pack.yaml") + "\n# " + "x".repeat(1_100_000));

        Response r = p.send("POST", URI.create(p.gateway + "/api/packs"), user.token(), Multipart.TYPE,
                Multipart.of(files), Map.of());

        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void yamlAliasesAreNeverExpanded() {
        StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            laughs.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 8; i++) {
                laughs.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            laughs.append("]\n");
        }
        Map<String, String> files = UploadFuzzTest.seedPack();
        files.put("policies.yaml", files.get("policies.yaml") + "\n" + laughs); // 8^25 strings if expanded

        long t0 = System.nanoTime();
        Response r = p.send("POST", "/api/packs", user.token(), "application/json", Platform.json(Map.of("files", files)));
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(r.status()).as(r.toString()).isBetween(400, 499);
        assertThat(r.isProblem()).isTrue();
        assertThat(seconds).as("answered without expanding (seconds)").isLessThan(20);
    }

    @Test
    void anExpressionNestedDeeperThan64IsRefusedAtItsFileAndLine() {
        Map<String, String> files = UploadFuzzTest.seedPack();
        files.put("strategies.yaml", files.get("strategies.yaml").replace("\"adx > 25\"",
                "\"" + "(".repeat(65) + "adx" + ")".repeat(65) + " > 25\""));

        Response r = p.send("POST", "/api/packs", user.token(), "application/json", Platform.json(Map.of("files", files)));

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        List<String> messages = new ArrayList<>();
        for (JsonNode e : r.json().path("errors")) {
            if (e.path("file").asString().equals("strategies.yaml") && e.path("line").asInt() > 0) {
                messages.add(e.path("message").asString());
            }
        }
        assertThat(messages).as(r.toString()).anyMatch(m -> m.contains("nested too deeply"));
    }

    @Test
    void aSweepGridOverTheLimitIsRefusedNamingTheField() {
        String model = "limits_" + Long.toString(System.nanoTime(), 36);
        assertThat(p.send("POST", "/api/models", user.token(), "application/json",
                Platform.json(OwnerFixtures.seedModel(model))).status()).isEqualTo(201);
        Map<String, Object> parameters = new TreeMap<>();
        List<Double> thresholds = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            thresholds.add(0.3 + i * 0.005);
        }
        parameters.put("thresholds", thresholds);
        parameters.put("rsi_period", List.of(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20));
        parameters.put("stop_loss_pct", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        parameters.put("take_profit_pct", List.of(5, 6, 7, 8, 9, 10, 11, 12, 13, 14)); // 110,000 combinations
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("model_id", model);
        sweep.put("sweep_type", "custom");
        sweep.put("date_range", Map.of("start", "2011-03-01", "end", "2011-03-31"));
        sweep.put("parameters", parameters);

        Response r = p.send("POST", "/api/sweeps", user.token(), "application/json", Platform.json(sweep));

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("100000");
        assertThat(r.json().path("errors").path(0).path("field").asString()).isNotBlank();
        JsonNode sweeps = p.get("/api/sweeps", user.token()).json();
        assertThat(sweeps.isArray() ? sweeps : sweeps.path("sweeps")).as("nothing stored").isEmpty();
    }
}
