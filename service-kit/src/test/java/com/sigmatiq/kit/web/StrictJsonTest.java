package com.sigmatiq.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sigmatiq.kit.web.json.NulCharacterException;
import com.sigmatiq.kit.web.json.NullItemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.json.JsonMapper;

/** The strict request-body mapper: NUL anywhere and null inside lists and maps are refused with their JSON path. */
class StrictJsonTest {

    record Inner(String tag, List<String> tickers) {
    }

    record Body(String modelId, List<String> tickers, String[] names, Map<String, String> labels,
                Map<String, Object> parameters, Inner inner, List<Inner> inners, JsonNode tree, Object any, Integer count) {
    }

    static final JsonMapper STRICT = KitWebAutoConfiguration.strict(JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"model_id\": \"a\\u0000b\"}                                  | model_id",
            "{\"tickers\": [\"SPY\", \"S\\u0000\"]}                          | tickers[1]",
            "{\"names\": [\"x\", \"y\", \"\\u0000\"]}                        | names[2]",
            "{\"labels\": {\"k\": \"v\\u0000\"}}                             | labels.k",
            "{\"labels\": {\"k\\u0000\": \"v\"}}                             | labels.k\\u0000",
            "{\"parameters\": {\"p\": \"v\\u0000\"}}                         | parameters.p",
            "{\"parameters\": {\"p\": [1, \"\\u0000\"]}}                     | parameters.p[1]",
            "{\"parameters\": {\"p\": {\"q\\u0000\": 1}}}                    | parameters.p.q\\u0000",
            "{\"inner\": {\"tag\": \"\\u0000\"}}                             | inner.tag",
            "{\"inners\": [{\"tag\": \"ok\"}, {\"tickers\": [\"\\u0000\"]}]} | inners[1].tickers[0]",
            "{\"tree\": {\"a\": [true, {\"b\\u0000\": 1}]}}                  | tree.a[1].b\\u0000",
            "{\"tree\": {\"a\": \"\\u0000\"}}                                | tree.a",
            "{\"any\": [0, {\"y\": \"\\u0000\"}]}                            | any[1].y",
    })
    void aNulCharacterIsRefusedWithItsPath(String json, String path) {
        assertThatThrownBy(() -> STRICT.readValue(json, Body.class))
                .isInstanceOfSatisfying(NulCharacterException.class, e -> assertThat(e.field().replace("\0", "\\u0000")).isEqualTo(path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"tickers\": [\"SPY\", null]}         | tickers[1]",
            "{\"names\": [null]}                    | names[0]",
            "{\"labels\": {\"k\": null}}            | labels.k",
            "{\"parameters\": {\"p\": null}}        | parameters.p",
            "{\"inner\": {\"tickers\": [null]}}     | inner.tickers[0]",
    })
    void nullInsideAListOrMapIsRefusedWithItsPath(String json, String path) {
        assertThatThrownBy(() -> STRICT.readValue(json, Body.class))
                .isInstanceOfSatisfying(InvalidNullException.class, e -> assertThat(
                        com.sigmatiq.kit.web.json.JsonPaths.of(e.getPath())).isEqualTo(path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"parameters\": {\"p\": [1, null]}}             | parameters.p[1]",
            "{\"parameters\": {\"p\": {\"q\": [[null]]}}}     | parameters.p.q[0][0]",
            "{\"tree\": {\"a\": [true, null]}}                | tree.a[1]",
            "{\"tree\": {\"a\": {\"b\": null}}}               | tree.a.b",
            "{\"any\": [0, null]}                             | any[1]",
    })
    void nullInsideAnUntypedValueIsRefusedWithItsPath(String json, String path) {
        assertThatThrownBy(() -> STRICT.readValue(json, Body.class))
                .isInstanceOfSatisfying(NullItemException.class, e -> assertThat(e.field()).isEqualTo(path));
    }

    @Test
    void ordinaryBodiesReadAsBefore() {
        String json = """
                {"model_id": "spy_v1", "tickers": ["SPY", "QQQ"], "names": ["a"], "labels": {"k": "v"},
                 "parameters": {"p": [1, 2.5, "x"], "q": {"r": true}}, "inner": null, "tickers_extra": 1,
                 "tree": {"a": [1]}, "any": "text \\\\u0000 is six characters here", "count": 3, "tag": null}""";
        Body b = STRICT.readValue(json, Body.class);
        assertThat(b.modelId()).isEqualTo("spy_v1");
        assertThat(b.tickers()).containsExactly("SPY", "QQQ");
        assertThat(b.parameters().get("p")).isEqualTo(List.of(1, 2.5, "x"));
        assertThat(b.any()).isEqualTo("text \\u0000 is six characters here");
        assertThat(b.tickers()).isNotNull();
        assertThat(b.count()).isEqualTo(3);
    }

    @Test
    void theApplicationsMapperStaysLenient() {
        JsonMapper app = JsonMapper.builder().build();
        KitWebAutoConfiguration.strict(app);
        assertThat(app.readValue("{\"tickers\": [\"a\\u0000\", null]}", Body.class).tickers()).containsExactly("a\0", null);
    }
}
