package com.sigmatiq.sweep.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.kit.web.testing.FuzzRun;
import com.sigmatiq.kit.web.testing.Refusal;
import com.sigmatiq.kit.web.testing.RequestFuzzer;
import com.sigmatiq.testinfra.TestApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bad sweep requests, tried as a new user would: a NUL in the tag, an id that walks paths, null inside a list, and a
 * bounded fuzz of the seed's requests. Each refusal is a 4xx problem naming the field, with nothing stored, and no
 * request ever gets a 5xx.
 */
class BadInputIntegrationTest extends IntegrationTestBase {

    private static final String MODEL = "spy_swing_momentum_v1";

    /** The seed's simple request with a small grid (two combinations) on the bundled March 2011 bars. */
    private static final String SIMPLE = "{\"model_id\": \"" + MODEL + "\", \"sweep_type\": \"simple\", \"date_range\": "
            + "{\"start\": \"2011-03-01\", \"end\": \"2011-03-31\"}, \"parameters\": {\"thresholds\": [0.5, 0.6], "
            + "\"allowed_hours\": [\"all_day\"], \"position_size_pct\": [2]}, \"tag\": \"initial_sweep_jan2024\"}";

    /** The seed's custom request, cut to four combinations, with gates and a hold-out. */
    private static final String CUSTOM = "{\"model_id\": \"" + MODEL + "\", \"sweep_type\": \"custom\", \"date_range\": "
            + "{\"start\": \"2011-03-01\", \"end\": \"2011-03-31\"}, \"parameters\": {\"thresholds\": [0.55], "
            + "\"allowed_hours\": [[9, 10], \"all_day\"], \"rsi_period\": [14, 21], \"stop_loss_pct\": [6]}, "
            + "\"quality_gates\": {\"min_trades\": 30, \"min_sharpe\": 0.7, \"max_drawdown_pct\": 25}, \"holdout_pct\": 20, "
            + "\"tag\": \"advanced_optimization_jan2024\"}";

    /** A user with the model; rows counted are theirs. */
    private final String owner = UUID.randomUUID().toString();
    private final String token = newUser(owner);

    private static String newUser(String id) {
        UPSTREAMS.addModel(id, MODEL);
        return JWKS.token(id);
    }

    /** What a create stores (results and the log are written later by the workers and the coordinator). */
    private Map<String, Long> rows() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("sweeps", jdbc.sql("select count(*) from sweeps where owner_id = ?").param(owner).query(Long.class).single());
        for (String table : List.of("sweep_inputs", "sweep_combinations")) {
            m.put(table, jdbc.sql("select count(*) from " + table + " where sweep_id in (select id from sweeps where owner_id = ?)")
                    .param(owner).query(Long.class).single());
        }
        return m;
    }

    private FuzzRun.Answer create(String body) {
        TestApi.Response r = api().post("/sweeps", token, body);
        return new FuzzRun.Answer(r.status(), r.contentType(), r.raw());
    }

    private JsonNode refused(String body, int status, String field) throws Exception {
        return Refusal.check(this::create, body, status, field, this::rows);
    }

    @Test
    void aNulInTheTagIs400NamingTheTag() throws Exception {
        refused(SIMPLE.replace("initial_sweep_jan2024", "initial\\u0000sweep"), 400, "tag");
        refused(SIMPLE.replace("\"all_day\"", "\"all\\u0000day\""), 400, "parameters.allowed_hours[0]");
    }

    @Test
    void anIdThatWalksPathsIs400NamingTheFieldBeforeModelServiceIsAsked() throws Exception {
        JsonNode problem = refused(SIMPLE.replace("\"" + MODEL + "\"", "\"../x\""), 400, "model_id");
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        refused(SIMPLE.replace("\"" + MODEL + "\"", "\"../../etc/passwd\""), 400, "model_id");
        refused(SIMPLE.replace("\"" + MODEL + "\"", "\"a/b\""), 400, "model_id");
    }

    @Test
    void nullInsideAListIs400NamingTheItem() throws Exception {
        refused(SIMPLE.replace("[0.5, 0.6]", "[0.5, null]"), 400, "parameters.thresholds[1]");
    }

    @Test
    void theSeedsAreValid() {
        Map<String, Long> before = rows();
        assertThat(api().post("/sweeps", token, SIMPLE).status()).isEqualTo(201);
        assertThat(api().post("/sweeps", token, CUSTOM).status()).isEqualTo(201);
        assertThat(rows().get("sweeps")).isEqualTo(before.get("sweeps") + 2);
        cancelOwnSweeps();
    }

    /** The accepted sweeps need not keep the workers busy for the tests that follow. */
    private void cancelOwnSweeps() {
        for (String id : jdbc.sql("select id::text from sweeps where owner_id = ? and status in ('queued', 'running')")
                .param(owner).query(String.class).list()) {
            api().post("/sweeps/" + id + "/cancel", token, null);
        }
    }

    @Test
    void fuzzedRequestsNeverGive5xxAndRefusalsStoreNothing() {
        List<RequestFuzzer.Case> cases = RequestFuzzer.cases(List.of(SIMPLE, CUSTOM), 20260103L, 300);
        FuzzRun.Report report;
        try {
            report = FuzzRun.run("sweep POST /sweeps", cases, this::create, this::rows);
        } finally {
            cancelOwnSweeps();
        }
        assertThat(report.failures()).isEmpty();
    }
}
