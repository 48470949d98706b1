package com.sigmatiq.training.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.kit.web.testing.FuzzRun;
import com.sigmatiq.kit.web.testing.Refusal;
import com.sigmatiq.kit.web.testing.RequestFuzzer;
import com.sigmatiq.testinfra.TestApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Inputs that must never reach the trainer: NULs, ids that walk paths, nulls inside lists; and a fuzz of the seed's
 * selection that must never answer 5xx, whose refusals store nothing. The workers are stopped meanwhile and the
 * accepted jobs failed afterwards, so they do not keep later tests waiting.
 */
class BadInputIntegrationTest extends IntegrationTestBase {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final User user = newUser();

    private Map<String, Long> rows() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("training_jobs", jdbc.sql("select count(*) from training_jobs where owner_id = ?").param(user.id())
                .query(Long.class).single());
        m.put("training_inputs", jdbc.sql("select count(*) from training_inputs where owner_id = ?").param(user.id())
                .query(Long.class).single());
        return m;
    }

    private FuzzRun.Answer create(String body) {
        TestApi.Response r = api().post("/training/jobs", user.token(), body);
        return new FuzzRun.Answer(r.status(), r.contentType(), r.raw());
    }

    private JsonNode refused(String body, String field) throws Exception {
        return Refusal.check(this::create, body, 400, field, this::rows);
    }

    @Test
    void idsThatWalkPathsAndNulsAre400NamingTheField() throws Exception {
        refused(SEED_SELECTION.replace("\"" + MODEL + "\"", "\"../x\""), "model_id");
        refused(SEED_SELECTION.replace("\"" + MODEL + "\"", "\"a/b\""), "model_id");
        refused(SEED_SELECTION.replace("\"" + MODEL + "\"", "\"" + MODEL + "\", \"sweep_id\": \"../../etc/passwd\""), "sweep_id");
        refused(SEED_SELECTION.replace("\"sigmoid\"", "\"sig\\u0000moid\""), "training_params.calibration");
        refused(SEED_SELECTION.replace("[9, 10, 11]", "[9, null, 11]"), "selected_configs[0].config.allowed_hours[1]");
    }

    @Test
    void fuzzedSelectionsNeverGive5xxAndRefusalsStoreNothing() {
        var worker = listeners.getListenerContainer("training-worker");
        worker.stop();
        FuzzRun.Report report;
        try {
            String small = withHyperparameters(SEED_SELECTION, "{\"n_estimators\": 5}");
            List<RequestFuzzer.Case> cases = RequestFuzzer.cases(List.of(SEED_SELECTION, small), 20261204L, 150);
            report = FuzzRun.run("training POST /training/jobs", cases, this::create, this::rows);
        } finally {
            jdbc.sql("update training_jobs set status = 'failed', error = 'fuzz test' where owner_id = ? and status = 'queued'")
                    .param(user.id()).update();
            worker.start();
        }
        assertThat(report.failures()).isEmpty();
    }
}
