package com.sigmatiq.training.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.testinfra.TestApi;
import com.sigmatiq.training.support.TrainingUpstreams;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal names its field and stores nothing; and every job, result, trained model and artifact belongs to its
 * user: another user is answered 404, as if it did not exist.
 */
class TrainingRefusalsIntegrationTest extends IntegrationTestBase {

    private final User user = newUser();

    private long jobs(String owner) {
        return jdbc.sql("select count(*) from training_jobs where owner_id = ?").param(owner).query(Long.class).single();
    }

    /** POSTs {@code body}; asserts 400 with an error on {@code field} whose message contains {@code text}; nothing stored. */
    private JsonNode refused(String body, String field, String text) {
        long before = jobs(user.id());
        TestApi.Response r = api().post("/training/jobs", user.token(), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        JsonNode match = null;
        for (JsonNode e : r.body().path("errors")) {
            fields.add(e.path("field").asString());
            if (e.path("field").asString().equals(field)) {
                match = e;
            }
        }
        assertThat(fields).as(r.raw()).contains(field);
        assertThat(match.path("message").asString()).as(r.raw()).contains(text);
        assertThat(jobs(user.id())).isEqualTo(before);
        return match;
    }

    @Test
    void trainingParamsOutsideTheirValues() {
        JsonNode algorithm = refused(SEED_SELECTION.replace("\"xgboost\"", "\"lightgbm\""), "training_params.algorithm", "lightgbm");
        assertThat(algorithm.path("valid_choices").toString()).contains("xgboost");
        refused(SEED_SELECTION.replace("time_series_split", "random_split"), "training_params.validation_method", "random_split");
        refused(SEED_SELECTION.replace("\"test_size\": 0.2", "\"test_size\": 0"), "training_params.test_size", "above 0");
        refused(SEED_SELECTION.replace("\"test_size\": 0.2", "\"test_size\": 0.6"), "training_params.test_size", "at most 0.5");
        refused(SEED_SELECTION.replace("\"sigmoid\"", "\"isotonic\""), "training_params.calibration", "isotonic");
        refused(withHyperparameters(SEED_SELECTION, "{\"max_depth\": 0}"), "hyperparameters.max_depth", "1 to 16");
        refused(SEED_SELECTION.replace("\"training_params\"", "\"candidate_floor\": 1.5, \"training_params\""),
                "candidate_floor", "[0, 1]");
    }

    @Test
    void selectionsThatDoNotMatchTheSweep() {
        refused(SEED_SELECTION.replace("\"combo_id\": 23", "\"combo_id\": 99"), "selected_configs[1].combo_id",
                "has no combination 99");
        refused(SEED_SELECTION.replace("\"combo_id\": 23", "\"combo_id\": 15"), "selected_configs[1].combo_id", "selected twice");
        refused(SEED_SELECTION.replace("\"threshold\": 0.65", "\"threshold\": 0.7"), "selected_configs[1].config.threshold",
                "threshold = 0.65");
        refused(SEED_SELECTION.replace("\"selected_configs\": [", "\"selected_configs\": [], \"x\": ["), "selected_configs",
                "at least one");
    }

    @Test
    void sweepsThatCannotBeTrainedOn() {
        String running = UUID.randomUUID().toString();
        UPSTREAMS.addSweep(running, user.id(), MODEL, "running", START, END, TrainingUpstreams.seedCombos());
        refused(SEED_SELECTION.replace("\"model_id\": \"" + MODEL + "\"", "\"model_id\": \"" + MODEL + "\", \"sweep_id\": \""
                + running + "\""), "sweep_id", "is running; only a completed sweep");
        refused(SEED_SELECTION.replace("\"model_id\": \"" + MODEL + "\"", "\"model_id\": \"" + MODEL + "\", \"sweep_id\": \""
                + UUID.randomUUID() + "\""), "sweep_id", "you have no sweep");
        refused(SEED_SELECTION.replace(MODEL, "no_such_model"), "model_id", "you have no model 'no_such_model'");

        // a user whose model has no completed sweep
        String lonely = UUID.randomUUID().toString();
        UPSTREAMS.addModel(lonely, MODEL);
        TestApi.Response r = api().post("/training/jobs", JWKS.token(lonely), SEED_SELECTION);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw()).contains("\"field\":\"sweep_id\"").contains("has no completed sweep");
    }

    @Test
    void tooFewSamplesSayHowManyOfEachClassWereFound() {
        String shortSweep = UUID.randomUUID().toString();
        UPSTREAMS.addSweep(shortSweep, user.id(), MODEL, "completed", LocalDate.of(2019, 9, 1), END,
                TrainingUpstreams.seedCombos());
        JsonNode e = refused(SEED_SELECTION.replace("\"model_id\": \"" + MODEL + "\"", "\"model_id\": \"" + MODEL
                + "\", \"sweep_id\": \"" + shortSweep + "\""), "selected_configs[0]", "too few samples to train: found");
        assertThat(e.path("message").asString()).containsPattern("\\d+ of class 1, \\d+ of class 0");
    }

    @Test
    void nobodySeesAnotherUsersJobsResultsOrModels() {
        TestApi.Response created = api().post("/training/jobs", user.token(),
                withHyperparameters(SEED_FIRST_ONLY, "{\"n_estimators\": 20}"));
        assertThat(created.status()).as(created.raw()).isEqualTo(202);
        String job = created.body().path("jobs").get(0).path("job_id").asString();
        String trained = created.body().path("jobs").get(0).path("trained_model_id").asString();
        awaitJob(job, user.token(), "completed", Duration.ofMinutes(2));

        User other = newUser();
        for (String path : List.of("/training/jobs/" + job, "/training/jobs/" + job + "/result",
                "/training/jobs/" + job + "/events", "/training/trained-models/" + trained,
                "/training/trained-models/" + trained + "/artifacts/booster.ubj")) {
            assertThat(api().get(path, other.token()).status()).as(path).isEqualTo(404);
            assertThat(api().get(path, user.token()).status()).as(path).isEqualTo(200);
            assertThat(api().get(path, null).status()).as(path + " without a token").isEqualTo(401);
        }
        assertThat(api().get("/training/trained-models?model_id=" + MODEL, other.token()).body().path("trained_models")).isEmpty();
        assertThat(api().get("/training/trained-models/" + trained + "/artifacts/nothing.bin", user.token()).status())
                .isEqualTo(404);
        assertThat(api().get("/training/jobs/not-a-uuid", user.token()).status()).isEqualTo(404);
        // the runtime services read it with their own token (role service), naming the owner; users cannot
        String internal = "/training/internal/trained-models/" + trained + "?owner_id=" + user.id();
        assertThat(api().get(internal, user.token()).status()).as("a user's token").isEqualTo(403);
        TestApi.Response forService = api().get(internal, JWKS.serviceToken("alert-service"));
        assertThat(forService.status()).as(forService.raw()).isEqualTo(200);
        assertThat(forService.body().path("artifacts").propertyNames()).contains("booster.ubj", "feature_schema.json",
                "calibration.json", "metadata.json");
        assertThat(api().get("/training/internal/trained-models/" + trained + "?owner_id=" + other.id(),
                JWKS.serviceToken("alert-service")).status()).isEqualTo(404);
        // numbering is per user: the other user's first trained model is _001 too
        TestApi.Response theirs = api().post("/training/jobs", other.token(),
                withHyperparameters(SEED_FIRST_ONLY, "{\"n_estimators\": 20}"));
        assertThat(theirs.body().path("jobs").get(0).path("trained_model_id").asString()).isEqualTo(MODEL + "_trained_001");
    }
}
