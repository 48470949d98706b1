package com.sigmatiq.kit.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One bad request checked the way the issue asks: a 4xx problem naming the field, and nothing stored. */
public final class Refusal {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Refusal() {
    }

    /**
     * Sends {@code body} and checks the answer is a {@code status} problem whose first error names {@code field}
     * ({@code null}: no field to name) and that {@code rows} are the same as before.
     *
     * @return the problem document
     */
    public static JsonNode check(FuzzRun.Endpoint endpoint, String body, int status, String field,
                                 Supplier<Map<String, Long>> rows) throws Exception {
        Map<String, Long> before = rows.get();
        FuzzRun.Answer a = endpoint.send(body);
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(ProblemCheck.why(a.status(), a.contentType(), a.body())).isNull();
        JsonNode problem = JSON.readTree(a.body());
        if (field != null) {
            assertThat(problem.path("errors").path(0).path("field").asString()).as(a.body()).isEqualTo(field);
        }
        assertThat(rows.get()).as("stored rows after a refused request").isEqualTo(before);
        return problem;
    }
}
