package com.sigmatiq.training.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.testinfra.TestApi;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

/**
 * The whole job for the seed's selection (two configurations) on SPY daily 1999–2020, from the POST until both
 * results are stored, with each step's duration. A measurement, not a timed test: it runs only when asked.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl training-service -am install -DskipTests
 * ./mvnw -q -B -ntp -pl training-service test -Dtest=SeedTrainingBenchmarkTest -Dtraining.benchmark=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "training.benchmark", matches = "true")
class SeedTrainingBenchmarkTest extends IntegrationTestBase {

    @Test
    void seedSelectionOnSpyDaily() {
        for (int round = 1; round <= 3; round++) {
            User u = newUser();
            long t0 = System.nanoTime();
            TestApi.Response created = api().post("/training/jobs", u.token(), SEED_SELECTION);
            long accepted = System.nanoTime();
            assertThat(created.status()).as(created.raw()).isEqualTo(202);
            StringBuilder steps = new StringBuilder();
            for (JsonNode j : created.body().path("jobs")) {
                JsonNode job = awaitJob(j.path("job_id").asString(), u.token(), "completed", Duration.ofMinutes(5));
                steps.append(String.format(Locale.ROOT, "%n  combo %d:", job.path("combo_id").asLong()));
                job.path("progress").forEach(s -> steps.append(String.format(Locale.ROOT, " %s %.3f s",
                        s.path("step").asString(), s.path("duration").asDouble())));
            }
            long done = System.nanoTime();
            System.out.printf(Locale.ROOT, "[training benchmark] round %d: POST answered in %.0f ms, both results stored "
                    + "%.2f s after the POST%s%n", round, (accepted - t0) / 1e6, (done - t0) / 1e9, steps);
        }
    }
}
