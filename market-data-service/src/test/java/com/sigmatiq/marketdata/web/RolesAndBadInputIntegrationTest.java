package com.sigmatiq.marketdata.web;

import com.sigmatiq.kit.web.testing.FuzzRun;
import com.sigmatiq.kit.web.testing.ProblemCheck;
import com.sigmatiq.kit.web.testing.RequestFuzzer;
import com.sigmatiq.marketdata.IntegrationTestSupport;
import com.sigmatiq.marketdata.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, with real tokens (a user; an operator), and bad input tried as a new user would: each refusal is a
 * 4xx problem naming the field, with nothing stored.
 */
class RolesAndBadInputIntegrationTest extends IntegrationTestSupport {

    private static final String SMALL_FILE = "date,open,high,low,close,volume\n2020-01-02,10,11,9,10.5,100\n2020-01-03,10,11,9,10.5,100\n";
    private static final String REPLAY = "{\"tickers\": [\"MSFT\"], \"timeframes\": [\"1d\"], \"from\": \"2014-12-01\", "
            + "\"to\": \"2014-12-05\", \"speed\": \"max\"}";

    private final String user = TestTokens.token(USER);
    private final String operator = TestTokens.operatorToken(USER);

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(ProblemCheck.why(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body())).isNull();
    }

    private String field(HttpResponse<String> r) {
        return json.readTree(r.body()).path("errors").path(0).path("field").asString();
    }

    /** Rows a refused request must not add. */
    private Map<String, Long> rows() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String table : List.of("series", "bar", "import_run", "replay")) {
            m.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return m;
    }

    @Test
    void importsNeedTheOperatorRole() throws Exception {
        Map<String, Long> before = rows();
        HttpResponse<String> asUser = upload("ROLEUSER_daily.csv", SMALL_FILE, Map.of(), user);
        assertProblem(asUser, 403);
        assertThat(json.readTree(asUser.body()).path("detail").asString()).contains("needs the role 'operator'");
        assertProblem(get("/imports", user), 403);
        assertThat(rows()).isEqualTo(before);

        HttpResponse<String> asOperator = upload("ROLEOPS_daily.csv", SMALL_FILE, Map.of(), operator);
        assertThat(asOperator.statusCode()).as(asOperator.body()).isEqualTo(201);
        assertThat(count("ROLEOPS", "1d")).isEqualTo(2);
        assertThat(get("/imports", operator).statusCode()).isEqualTo(200);
    }

    @Test
    void replaysNeedTheOperatorRole() throws Exception {
        long replays = rows().get("replay");
        assertProblem(post("/replays", REPLAY, user), 403);
        assertProblem(get("/replays", user), 403);
        assertThat(rows().get("replay")).isEqualTo(replays);

        HttpResponse<String> started = post("/replays", REPLAY, operator);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = json.readTree(started.body()).path("id").asString();
        assertThat(get("/replays/" + id, operator).statusCode()).isEqualTo(200);
        assertThat(rows().get("replay")).isEqualTo(replays + 1);
        cancelRunningReplays();
    }

    /** Replays started here must not hold their tickers for the other tests of this context. */
    private void cancelRunningReplays() throws Exception {
        for (String id : jdbc.sql("select id::text from replay where status in ('running', 'paused') and requested_by = ?").param(USER)
                .query(String.class).list()) {
            post("/replays/" + id + "/cancel", "", operator);
        }
    }

    @Test
    void readingBarsCalendarsAndSeriesIsOpenToEveryUser() throws Exception {
        for (String token : List.of(user, operator, TestTokens.token(USER, List.of()))) {
            assertThat(get("/bars/MSFT?timeframe=1d&from=2014-11-17&to=2014-11-18", token).statusCode()).isEqualTo(200);
            assertThat(get("/bars/MSFT/gaps?timeframe=1d&from=2014-11-17&to=2014-11-18", token).statusCode()).isEqualTo(200);
            assertThat(get("/calendar/sessions?from=2014-11-17&to=2014-11-18", token).statusCode()).isEqualTo(200);
            assertThat(get("/calendar/holidays?year=2014", token).statusCode()).isEqualTo(200);
            assertThat(get("/series", token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void nullInsideTheTickersIs400NamingTheItem() throws Exception {
        Map<String, Long> before = rows();
        HttpResponse<String> r = post("/replays", "{\"tickers\": [\"SPY\", null], \"from\": \"2011-03-01\", \"to\": \"2011-03-02\"}");
        assertProblem(r, 400);
        assertThat(field(r)).isEqualTo("tickers[1]");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aNulCharacterIs400NamingTheField() throws Exception {
        Map<String, Long> before = rows();
        HttpResponse<String> body = post("/replays", "{\"tickers\": [\"MSFT\"], \"from\": \"2014-12-01\", \"to\": \"2014-12-05\", "
                + "\"speed\": \"1\\u0000\"}");
        assertProblem(body, 400);
        assertThat(field(body)).isEqualTo("speed");
        HttpResponse<String> form = upload("NUL_daily.csv", SMALL_FILE, Map.of("ticker", "NU\u0000L"));
        assertProblem(form, 400);
        assertThat(field(form)).isEqualTo("ticker");
        assertProblem(get("/bars/MSFT?timeframe=1d&from=2014-11-17%00", user), 400);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aPathVariableOrQueryParameterOfTheWrongTypeIs400NamingIt() throws Exception {
        Map<String, Long> before = rows();
        for (String path : List.of("/imports/1e400", "/replays/null", "/replays/%E2%80%AE/cancel")) {
            HttpResponse<String> r = path.endsWith("/cancel") ? post(path, "", operator) : get(path, operator);
            assertProblem(r, 400);
            assertThat(field(r)).as(r.body()).isEqualTo("id");
        }
        for (String year : List.of("x", ",,,", "1e400", "")) {
            HttpResponse<String> r = get("/calendar/holidays?year=" + year, user);
            assertProblem(r, 400);
            assertThat(field(r)).as(r.body()).isEqualTo("year");
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void fuzzedReplayRequestsNeverGive5xxAndRefusalsStoreNothing() throws Exception {
        List<String> seeds = List.of(REPLAY,
                "{\"tickers\": [\"SPY\"], \"timeframes\": [\"5m\", \"15m\"], \"source_timeframe\": \"1m\", \"from\": "
                        + "\"2011-03-01T14:30:00Z\", \"to\": \"2011-03-01T15:30:00Z\", \"speed\": \"60x\", \"extended\": true}",
                "{\"tickers\": [\"AAPL\", \"MSFT\"], \"timeframes\": [\"1d\"], \"from\": \"2014-01-02\", \"to\": \"2014-01-10\"}");
        List<RequestFuzzer.Case> cases = RequestFuzzer.cases(seeds, 20260101L, 300);
        FuzzRun.Report report;
        try {
            report = FuzzRun.run("market-data POST /replays", cases, body -> {
                HttpResponse<String> r = post("/replays", body, operator);
                return new FuzzRun.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
            }, this::rows);
        } finally {
            cancelRunningReplays();
        }
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void fuzzedImportFieldsNeverGive5xxAndRefusalsStoreNothing() {
        List<String> seeds = List.of(
                "{\"ticker\": \"FUZZA\", \"mode\": \"skip\", \"timeframe\": \"1d\", \"split_adjusted\": \"false\"}",
                "{\"ticker\": \"FUZZB\", \"exchange\": \"America/New_York\", \"source_zone\": \"UTC\", \"bar_convention\": "
                        + "\"start\", \"mode\": \"refuse\"}");
        List<RequestFuzzer.Case> cases = RequestFuzzer.cases(seeds, 20260102L, 120);
        FuzzRun.Report report = FuzzRun.run("market-data POST /imports (form fields)", cases, body -> {
            Map<String, String> fields = new LinkedHashMap<>();
            JsonNode form = readOrNull(body);
            if (form != null && form.isObject()) {
                form.properties().forEach(e -> fields.put(e.getKey(), e.getValue().isString() ? e.getValue().asString()
                        : e.getValue().toString()));
            } else {
                fields.put("ticker", body);
            }
            HttpResponse<String> r = upload("FUZZ_daily.csv", SMALL_FILE, fields, operator);
            return new FuzzRun.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        }, this::rows);
        assertThat(report.failures()).isEmpty();
    }

    private JsonNode readOrNull(String body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
