package com.sigmatiq.sweep.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.testinfra.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /sweeps}: the caller's sweeps only, newest first, filtered by model and status, at most 100; an unknown
 * status is a 400 naming {@code status}.
 */
class SweepListIntegrationTest extends IntegrationTestBase {

    private static final String MODEL = "spy_swing_momentum_v1";
    private static final String OTHER_MODEL = "spy_other_v1";

    /** Two combinations on the bundled March 2011 bars: done in a moment. */
    private static Map<String, Object> small(String modelId, String tag) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("thresholds", List.of(0.5, 0.6));
        p.put("allowed_hours", List.of("all_day"));
        p.put("position_size_pct", List.of(2));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model_id", modelId);
        r.put("sweep_type", "simple");
        r.put("date_range", Map.of("start", "2011-03-01", "end", "2011-03-31"));
        r.put("parameters", p);
        r.put("tag", tag);
        return r;
    }

    private String create(String token, String modelId, String tag) {
        TestApi.Response created = api().post("/sweeps", token, small(modelId, tag));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().path("sweep_id").asString();
    }

    private List<String> ids(String query, String token) {
        TestApi.Response r = api().get("/sweeps" + query, token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.body().path("sweeps").forEach(s -> ids.add(s.path("sweep_id").asString()));
        return ids;
    }

    @Test
    void theCallersSweepsNewestFirstFilteredByModelAndStatus() {
        String alice = UUID.randomUUID().toString();
        UPSTREAMS.addModel(alice, MODEL);
        UPSTREAMS.addModel(alice, OTHER_MODEL);
        String token = JWKS.token(alice);
        String bob = newUserWithModel();

        String first = create(token, MODEL, "first");
        awaitStatus(first, token, "completed", Duration.ofSeconds(60));
        // the seed's custom sweep (18,900 combinations), so that the cancel comes before it completes
        TestApi.Response big = api().post("/sweeps", token, SeedRequests.custom(MODEL, "2011-03-01", "2011-03-31"));
        assertThat(big.status()).as(big.raw()).isEqualTo(201);
        String second = big.body().path("sweep_id").asString();
        assertThat(api().post("/sweeps/" + second + "/cancel", token, null).body().path("status").asString()).isEqualTo("cancelled");
        String third = create(token, OTHER_MODEL, "third");
        awaitStatus(third, token, "completed", Duration.ofSeconds(60));

        assertThat(ids("", token)).containsExactly(third, second, first);
        assertThat(ids("?model_id=" + MODEL, token)).containsExactly(second, first);
        assertThat(ids("?status=completed", token)).containsExactly(third, first);
        assertThat(ids("?status=cancelled", token)).containsExactly(second);
        assertThat(ids("?model_id=" + MODEL + "&status=completed", token)).containsExactly(first);
        assertThat(ids("?model_id=no_such_model", token)).isEmpty();
        assertThat(ids("?status=running&model_id=" + OTHER_MODEL, token)).isEmpty();

        JsonNode summary = api().get("/sweeps?model_id=" + MODEL + "&status=completed", token).body().path("sweeps").get(0);
        assertThat(summary.path("model_id").asString()).isEqualTo(MODEL);
        assertThat(summary.path("sweep_type").asString()).isEqualTo("simple");
        assertThat(summary.path("tag").asString()).isEqualTo("first");
        assertThat(summary.path("status").asString()).isEqualTo("completed");
        assertThat(summary.path("date_range").path("start").asString()).isEqualTo("2011-03-01");
        assertThat(summary.path("date_range").path("end").asString()).isEqualTo("2011-03-31");
        assertThat(summary.path("total_combinations").asLong()).isEqualTo(2);
        Instant createdAt = Instant.parse(summary.path("created_at").asString());
        assertThat(Instant.parse(summary.path("completed_at").asString())).isAfterOrEqualTo(createdAt);

        // bob has sweeps of his own model id neither before nor after: alice's never show
        assertThat(ids("", bob)).isEmpty();
        assertThat(ids("?model_id=" + MODEL, bob)).isEmpty();
        String bobs = create(bob, MODEL, "bobs");
        assertThat(ids("?model_id=" + MODEL, bob)).containsExactly(bobs);
        assertThat(ids("?model_id=" + MODEL, token)).containsExactly(second, first);
        api().post("/sweeps/" + bobs + "/cancel", bob, null);

        assertThat(api().get("/sweeps", null).status()).isEqualTo(401);
    }

    @Test
    void anUnknownStatusIs400NamingStatusWithTheAllowedValues() {
        String token = newUserWithModel();
        TestApi.Response r = api().get("/sweeps?status=done", token);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw()).doesNotContain("Exception");
        JsonNode error = r.body().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("status");
        List<String> choices = new ArrayList<>();
        error.path("valid_choices").forEach(c -> choices.add(c.asString()));
        assertThat(choices).containsExactly("queued", "running", "completed", "cancelled", "failed");
        assertThat(api().get("/sweeps?status=COMPLETED", token).status()).as("labels ignore case").isEqualTo(200);
    }

    @Test
    void atMostOneHundredNewestFirst() {
        String owner = UUID.randomUUID().toString();
        UPSTREAMS.addModel(owner, MODEL);
        String token = JWKS.token(owner);
        String template = create(token, MODEL, "template");
        awaitStatus(template, token, "completed", Duration.ofSeconds(60));
        // 101 more completed sweeps of the same owner, copied from the template, one second apart, all newer than it
        jdbc.sql("""
                insert into sweeps select (jsonb_populate_record(null::sweeps, to_jsonb(s) || jsonb_build_object(
                  'id', gen_random_uuid(), 'tag', 'copy_' || g, 'created_at', s.created_at + g * interval '1 second'))).*
                from sweeps s, generate_series(1, 101) g where s.id = ? and s.owner_id = ?""")
                .params(UUID.fromString(template), owner).update();

        JsonNode sweeps = api().get("/sweeps", token).body().path("sweeps");
        assertThat(sweeps.size()).isEqualTo(100);
        assertThat(sweeps.get(0).path("tag").asString()).isEqualTo("copy_101");
        assertThat(sweeps.get(99).path("tag").asString()).isEqualTo("copy_2");
        Instant previous = Instant.MAX;
        for (JsonNode s : sweeps) {
            Instant createdAt = Instant.parse(s.path("created_at").asString());
            assertThat(createdAt).isBefore(previous);
            previous = createdAt;
        }
    }
}
