package com.sigmatiq.training.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sigmatiq.ml.MetaLabelTrainer;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.ml.TrainingRequest;
import com.sigmatiq.testinfra.TestApi;
import com.sigmatiq.training.support.TrainingUpstreams;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Seed 5.1 → 5.2 → results → 6.1's review, end to end on the embedded database and broker. */
class TrainingApiIntegrationTest extends IntegrationTestBase {

    @Test
    void theSeedsSelectionTrainsTwoModelsWithEverythingTheSeedShows() throws Exception {
        User u = newUser();
        TestApi.Response created = api().post("/training/jobs", u.token(), SEED_SELECTION);
        assertThat(created.status()).as(created.raw()).isEqualTo(202);
        JsonNode jobs = created.body().path("jobs");
        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).path("combo_id").asLong()).isEqualTo(15);
        assertThat(jobs.get(1).path("combo_id").asLong()).isEqualTo(23);
        assertThat(jobs.get(0).path("status").asString()).isEqualTo("queued");
        assertThat(jobs.get(0).path("trained_model_id").asString()).isEqualTo(MODEL + "_trained_001");
        assertThat(jobs.get(1).path("trained_model_id").asString()).isEqualTo(MODEL + "_trained_002");

        // progress while it runs: server-sent events until the job ends
        String job1 = jobs.get(0).path("job_id").asString();
        String events = api().stream("/training/jobs/" + job1 + "/events", u.token());
        assertThat(events).contains("event:progress").contains("event:completed").contains("\"step\":\"model_training\"");

        List<JsonNode> results = new ArrayList<>();
        for (JsonNode j : jobs) {
            JsonNode job = awaitJob(j.path("job_id").asString(), u.token(), "completed", Duration.ofMinutes(2));
            // seed 5.2: the five steps, each complete with its duration, and the hyperparameters
            assertThat(job.path("progress")).hasSize(5);
            List<String> steps = new ArrayList<>();
            job.path("progress").forEach(s -> {
                steps.add(s.path("step").asString());
                assertThat(s.path("status").asString()).isEqualTo("complete");
                assertThat(s.path("duration").asDouble()).isGreaterThanOrEqualTo(0);
            });
            assertThat(steps).containsExactly("data_preparation", "feature_engineering", "model_training", "validation",
                    "calibration");
            assertThat(job.path("hyperparameters").path("n_estimators").asInt()).isEqualTo(200);
            assertThat(job.path("hyperparameters").path("max_depth").asInt()).isEqualTo(5);
            assertThat(job.path("hyperparameters").path("learning_rate").asDouble()).isEqualTo(0.01);
            assertThat(job.path("hyperparameters").path("subsample").asDouble()).isEqualTo(0.8);
            assertThat(job.path("hyperparameters").path("colsample_bytree").asDouble()).isEqualTo(0.8);

            TestApi.Response r = api().get("/training/jobs/" + j.path("job_id").asString() + "/result", u.token());
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            results.add(r.body());
        }

        JsonNode r = results.get(0);
        assertThat(r.path("trained_model_id").asString()).isEqualTo(MODEL + "_trained_001");
        assertThat(r.path("model_id").asString()).isEqualTo(MODEL);
        assertThat(r.path("combo_id").asLong()).isEqualTo(15);
        assertThat(r.path("status").asString()).isEqualTo("completed");
        for (String part : List.of("training", "validation")) {
            JsonNode m = r.path("metrics").path(part);
            for (String k : List.of("accuracy", "precision", "recall", "f1_score", "auc_roc", "brier_score", "log_loss")) {
                assertThat(m.path(k).isNumber()).as(part + "." + k).isTrue();
            }
        }
        double importance = 0;
        for (JsonNode f : r.path("feature_importance")) {
            importance += f.path("importance").asDouble();
        }
        assertThat(importance).isCloseTo(1.0, within(1e-9));
        assertThat(r.path("calibration_curve")).hasSize(10);
        JsonNode samples = r.path("samples");
        assertThat(samples.path("train").asInt() + samples.path("purged").asInt() + samples.path("calibration").asInt()
                + samples.path("validation").asInt()).isEqualTo(samples.path("total").asInt());
        // sharpe_backtest is the sweep's; sharpe_validation the trained model's backtest of the validation period
        TrainingUpstreams.Sweep sweep = new TrainingUpstreams.Sweep(u.sweepId(), u.id(), MODEL, "completed", START, END, 30,
                TrainingUpstreams.seedCombos(), null);
        double sweepSharpe = (double) ((Map<?, ?>) UPSTREAMS.result(sweep, 15).get("metrics")).get("sharpe_ratio");
        assertThat(r.path("sharpe_backtest").asDouble()).isEqualTo(sweepSharpe);
        assertThat(r.path("sharpe_validation").isNumber()).isTrue();
        assertThat(r.path("model_artifacts").path("model_file").asString())
                .isEqualTo("/training/trained-models/" + MODEL + "_trained_001/artifacts/booster.ubj");

        // seed 6.1: the review lists both, newest first, with both Sharpe ratios
        JsonNode review = api().get("/training/trained-models?model_id=" + MODEL, u.token()).body();
        assertThat(review.path("trained_models")).hasSize(2);
        List<String> ids = new ArrayList<>();
        review.path("trained_models").forEach(t -> {
            ids.add(t.path("id").asString());
            assertThat(t.path("sharpe_backtest").isNumber()).isTrue();
            assertThat(t.path("sharpe_validation").isNumber()).isTrue();
        });
        assertThat(ids).containsExactlyInAnyOrder(MODEL + "_trained_001", MODEL + "_trained_002");

        // the artifacts: names, hashes that match their downloads, a booster equal to the library's for the same data
        JsonNode detail = api().get("/training/trained-models/" + MODEL + "_trained_001", u.token()).body();
        assertThat(detail.path("artifacts")).hasSize(4);
        byte[] booster = null;
        for (JsonNode a : detail.path("artifacts")) {
            HttpResponse<byte[]> file = api().bytes(a.path("url").asString(), u.token());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body())))
                    .isEqualTo(a.path("sha256").asString());
            if (a.path("name").asString().equals(TrainedModel.BOOSTER)) {
                booster = file.body();
            }
        }
        TrainingRequest same = TrainingRequest.of(UPSTREAMS.effective(TrainingUpstreams.seedCombos().get(15L)), UPSTREAMS.bars())
                .withRange(START, END);
        try (TrainedModel direct = MetaLabelTrainer.train(same).model()) {
            assertThat(booster).as("the service's booster is the library's for the same inputs").isEqualTo(direct.boosterBytes());
        }
    }

    @Test
    void purgedKFoldReportsEveryFold() {
        User u = newUser();
        String body = withHyperparameters(SEED_FIRST_ONLY.replace("time_series_split", "purged_kfold"), "{\"n_estimators\": 40}");
        TestApi.Response created = api().post("/training/jobs", u.token(), body);
        assertThat(created.status()).as(created.raw()).isEqualTo(202);
        assertThat(created.body().path("jobs")).hasSize(1);
        String job = created.body().path("jobs").get(0).path("job_id").asString();
        awaitJob(job, u.token(), "completed", Duration.ofMinutes(2));
        JsonNode cv = api().get("/training/jobs/" + job + "/result", u.token()).body().path("metrics").path("cross_validation");
        assertThat(cv.path("folds").asInt()).isEqualTo(5);
        assertThat(cv.path("per_fold")).hasSize(5);
        assertThat(cv.path("mean").path("auc_roc").isNumber()).isTrue();
        assertThat(cv.path("embargo").asDouble()).isEqualTo(0.01);
    }

    @Test
    void theOpenApiDocumentDescribesEveryAnswer() {
        TestApi.Response docs = api().get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("info").path("title").asString()).isEqualTo("Sigmatiq training-service");
        JsonNode schemas = docs.body().path("components").path("schemas");
        for (String answer : List.of("Created", "JobView", "TrainingReport", "TrainedModels", "TrainedModelView",
                "ClassificationMetrics", "CalibrationBin")) {
            assertThat(schemas.has(answer)).as(answer).isTrue();
        }
        List<String> report = new ArrayList<>();
        schemas.path("TrainingReport").path("properties").propertyNames().forEach(report::add);
        assertThat(report).contains("trained_model_id", "metrics", "feature_importance", "model_artifacts",
                "sharpe_backtest", "sharpe_validation", "samples", "calibration_curve");
        JsonNode get = docs.body().path("paths").path("/training/jobs/{id}/result").path("get");
        assertThat(get.path("responses").path("200").path("content").toString()).contains("#/components/schemas/TrainingReport");
    }

    @Test
    void theDefaultSweepIsTheModelsLatestCompletedOne() {
        User u = newUser();
        TestApi.Response created = api().post("/training/jobs", u.token(), SEED_SELECTION);
        assertThat(created.status()).as(created.raw()).isEqualTo(202);
        String job = created.body().path("jobs").get(0).path("job_id").asString();
        assertThat(api().get("/training/jobs/" + job, u.token()).body().path("sweep_id").asString()).isEqualTo(u.sweepId());
    }
}
