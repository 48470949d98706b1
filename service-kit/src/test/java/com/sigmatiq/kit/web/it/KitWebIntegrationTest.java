package com.sigmatiq.kit.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.kit.web.testing.FuzzRun;
import com.sigmatiq.kit.web.testing.ProblemCheck;
import com.sigmatiq.kit.web.testing.RequestFuzzer;
import com.sigmatiq.testinfra.TestJwks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The kit in a running service with real RS256 tokens: security, roles, problem details, strict bodies, fuzz. */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.jackson.property-naming-strategy=SNAKE_CASE",
        "sigmatiq.security.public-paths=/open",
        "sigmatiq.security.role-paths.operator=/imports/**"})
class KitWebIntegrationTest {

    static final TestJwks JWKS = TestJwks.start();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String USER = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry r) {
        r.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWKS::jwkSetUri);
    }

    @LocalServerPort
    int port;

    static String userToken() {
        return JWKS.token(USER, c -> c.claim("roles", List.of("user")));
    }

    static String operatorToken() {
        return JWKS.token(USER, c -> c.claim("roles", List.of("user", "operator")));
    }

    record Answer(int status, String contentType, JsonNode json, String raw) {
    }

    Answer send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = r.body().isBlank() ? null : JSON.readTree(r.body());
        } catch (RuntimeException notJson) {
            // left null; the assertions say so
        }
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), json, r.body());
    }

    static void assertProblem(Answer a, int status) {
        assertThat(a.status()).as(a.raw()).isEqualTo(status);
        assertThat(ProblemCheck.why(a.status(), a.contentType(), a.raw())).isNull();
    }

    static String field(Answer a) {
        return a.json().path("errors").path(0).path("field").asString();
    }

    @Test
    void withoutAValidTokenTheAnswerIs401AsAProblemWithWwwAuthenticate() throws Exception {
        Answer none = send("GET", "/me", null, null);
        assertProblem(none, 401);
        assertThat(none.json().path("detail").asString()).contains("bearer token is required");

        Answer forged = send("GET", "/me", JWKS.tokenSignedByAnotherKey(USER), null);
        assertProblem(forged, 401);
        assertThat(forged.json().path("detail").asString()).startsWith("The bearer token was rejected");

        Answer otherIssuer = send("GET", "/me", JWKS.token(USER, c -> c.issuer("someone-else")), null);
        assertProblem(otherIssuer, 401);
    }

    @Test
    void theCurrentUserCarriesTheTokensSubjectNameAndRoles() throws Exception {
        Answer me = send("GET", "/me", operatorToken(), null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(USER);
        assertThat(me.json().path("roles").toString()).isEqualTo("[\"user\",\"operator\"]");
        assertThat(me.json().path("operator").asBoolean()).isTrue();
        assertThat(me.json().path("now_zone").asString()).isEqualTo("Z");
    }

    @Test
    void aRolePathNeedsItsRoleAndTheProblemNamesIt() throws Exception {
        Answer user = send("POST", "/imports/run", userToken(), null);
        assertProblem(user, 403);
        assertThat(user.json().path("detail").asString()).contains("needs the role 'operator'").contains("[user]");

        Answer noRoles = send("POST", "/imports/run", JWKS.token(USER), null);
        assertProblem(noRoles, 403);
        assertThat(noRoles.json().path("detail").asString()).contains("no roles");

        assertThat(send("POST", "/imports/run", operatorToken(), null).status()).isEqualTo(200);
        assertThat(send("GET", "/things/x", userToken(), null).status()).isEqualTo(200);
    }

    @Test
    void publicPathsAndCustomizerRulesNeedNoToken() throws Exception {
        assertThat(send("GET", "/open", null, null).status()).isEqualTo(200);
        assertThat(send("GET", "/calendar/today", null, null).status()).isEqualTo(200);
        assertThat(send("GET", "/v3/api-docs", null, null).status()).isNotEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDoesNotShowTheCallerAsAParameter() throws Exception {
        Answer docs = send("GET", "/v3/api-docs", null, null);
        assertThat(docs.status()).isEqualTo(200);
        // POST /things takes the CurrentUser: it comes from the token, so no operation has a parameter for it
        assertThat(docs.raw()).contains("\"/things\"").doesNotContain("\"name\":\"user\"");
    }

    @Test
    void theOpenApiDocumentMarksTheOperationsThatTakeTheCallerAndTheirRoles() throws Exception {
        JsonNode paths = send("GET", "/v3/api-docs", null, null).json().path("paths");
        assertThat(paths.path("/things").path("post").path("x-sigmatiq-acts-for-caller").asBoolean(false)).isTrue();
        assertThat(paths.path("/me").path("get").path("x-sigmatiq-acts-for-caller").asBoolean(false)).isTrue();
        assertThat(paths.path("/things").path("get").has("x-sigmatiq-acts-for-caller")).isFalse();
        assertThat(paths.path("/things/{id}").path("get").has("x-sigmatiq-acts-for-caller")).isFalse();
        // role-paths.operator=/imports/**: the role the security enforces, on that operation only
        assertThat(paths.path("/imports/run").path("post").path("x-sigmatiq-role").asString()).isEqualTo("operator");
        assertThat(paths.path("/imports/run").path("post").path("x-sigmatiq-acts-for-caller").asBoolean(false)).isTrue();
        assertThat(paths.path("/things").path("post").has("x-sigmatiq-role")).isFalse();
    }

    @Test
    void springMvcErrorsAreProblems() throws Exception {
        assertProblem(send("GET", "/nothing-here", userToken(), null), 404);
        assertProblem(send("DELETE", "/things", userToken(), null), 405);
        Answer missing = send("GET", "/things", userToken(), null);
        assertProblem(missing, 400);
        assertThat(field(missing)).isEqualTo("sort");
        Answer mismatch = send("GET", "/things?sort=a&page=x", userToken(), null);
        assertProblem(mismatch, 400);
        assertThat(field(mismatch)).isEqualTo("page");
        Answer notAUuid = send("GET", "/things/by-uuid/1e400", userToken(), null);
        assertProblem(notAUuid, 400);
        assertThat(field(notAUuid)).isEqualTo("id");
        Answer blank = send("GET", "/things/by-uuid/%20", userToken(), null);
        assertProblem(blank, 400);
        assertThat(field(blank)).isEqualTo("id");

        HttpResponse<String> xml = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/things"))
                .header("Authorization", "Bearer " + userToken()).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<a/>")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(ProblemCheck.why(415, xml.headers().firstValue("Content-Type").orElse(null), xml.body())).isNull();
    }

    @Test
    void anUnexpectedErrorIs500WithoutInternals() throws Exception {
        Answer boom = send("GET", "/boom", userToken(), null);
        assertProblem(boom, 500);
        assertThat(boom.raw()).doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("Hidden");
    }

    @Test
    void aServiceKeepsItsOwnHandlersBesideTheKits() throws Exception {
        Answer taken = send("POST", "/things", userToken(), "{\"model_id\":\"taken\"}");
        assertProblem(taken, 409);
        assertThat(taken.json().path("title").asString()).isEqualTo("Conflict");
        Answer invalid = send("POST", "/things", userToken(), "{\"model_id\":\"invalid\"}");
        assertProblem(invalid, 400);
        assertThat(field(invalid)).isEqualTo("model_id");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"model_id\":\"m\",\"tag\":\"a\\u0000b\"}                           | tag",
            "{\"model_id\":\"m\",\"tickers\":[\"SPY\",null]}                      | tickers[1]",
            "{\"model_id\":\"m\",\"parameters\":{\"x\":[1,null]}}                 | parameters.x[1]",
            "{\"model_id\":\"m\",\"tickers\":[\"SPY\",\"\\u0000\"]}               | tickers[1]",
            "{\"model_id\":\"m\",\"parameters\":{\"x\":[1,{\"k\\u0000\":2}]}}     | parameters.x[1].k\\u0000",
            "{\"model_id\":\"../x\"}                                              | model_id",
            "{\"model_id\":\"m\",\"pack_id\":\"../../etc/passwd\"}                | pack_id",
            "{\"model_id\":\"m\",\"pack_id\":\"a/b\"}                             | pack_id",
            "{\"model_id\":\"m\",\"count\":\"many\"}                              | count",
            "{\"model_id\":\"m\",\"count\":99999999999}                           | count",
            "{\"model_id\":\"m\",\"kind\":\"odd\"}                                | kind",
            "{\"model_id\":\"m\",\"date_range\":{\"start\":[1]}}                  | date_range.start",
            "{}                                                                   | model_id",
    })
    void badBodiesAre400NamingTheFieldAndNothingIsStored(String body, String field) throws Exception {
        int stored = ThingsController.STORED.size();
        Answer a = send("POST", "/things", userToken(), body);
        assertProblem(a, 400);
        assertThat(field(a).replace("\0", "\\u0000")).isEqualTo(field);
        assertThat(ThingsController.STORED).hasSize(stored);
    }

    @Test
    void aSafeIdIsCheckedOncePerField() throws Exception {
        Answer a = send("POST", "/things", userToken(), "{\"model_id\":\"../x\",\"pack_id\":\"a/b\"}");
        assertProblem(a, 400);
        assertThat(a.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("model_id", "pack_id");
        assertThat(a.json().path("title").asString()).isEqualTo("Invalid request");
    }

    @Test
    void theKindOfAnUnknownEnumListsTheValidChoices() throws Exception {
        Answer a = send("POST", "/things", userToken(), "{\"model_id\":\"m\",\"kind\":\"odd\"}");
        assertThat(a.json().path("errors").path(0).path("valid_choices").toString()).isEqualTo("[\"SIMPLE\",\"CUSTOM\"]");
    }

    @Test
    void aNulInAQueryParameterOrPathIsRefused() throws Exception {
        Answer query = send("GET", "/things?sort=a%00b", userToken(), null);
        assertProblem(query, 400);
        assertThat(field(query)).isEqualTo("sort");
        Answer name = send("GET", "/things?sort=a&x%01y=1", userToken(), null);
        assertProblem(name, 400);
        assertThat(name.json().path("title").asString()).isEqualTo("Rejected request");
        Answer path = send("GET", "/things/a%00b", userToken(), null);
        assertThat(path.status()).isEqualTo(400);
        assertThat(ProblemCheck.why(path.status(), path.contentType(), path.raw())).isNull();
    }

    @Test
    void aParameterTomcatCannotDecodeIs400NamingIt() throws Exception {
        Answer a = send("GET", "/things?sort=%FF", userToken(), null);
        assertProblem(a, 400);
        assertThat(field(a)).isEqualTo("sort");
    }

    @Test
    void unusableContentTypesAre415AndAnUnreadableMultipartBodyIsAProblem() throws Exception {
        for (String type : List.of("*/*", "text/*", "garbage", "application/")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/things"))
                    .header("Authorization", "Bearer " + userToken()).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(type).isEqualTo(415);
            assertThat(ProblemCheck.why(415, r.headers().firstValue("Content-Type").orElse(null), r.body())).isNull();
        }
        for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/things?sort=a"))
                    .header("Authorization", "Bearer " + userToken()).header("Content-Type", type)
                    .method("GET", HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());
            // 400 where the service parses multipart bodies (the advice's MultipartException), else 415; never a 500
            assertThat(r.statusCode()).as(type).isIn(400, 415);
            assertThat(ProblemCheck.why(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body())).isNull();
        }
    }

    @Test
    void requestsTomcatRejectsItselfAreProblemsToo() throws Exception {
        String raw = rawRequest("GET /things/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw).contains("application/problem+json").contains("\"status\":400");
    }

    @Test
    void aGoodBodyIsStored() throws Exception {
        Answer a = send("POST", "/things", userToken(), "{\"model_id\":\"good\",\"tickers\":[\"SPY\"],\"parameters\":{\"x\":[1,\"a\"]}}");
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        assertThat(a.json().path("owner").asString()).isEqualTo(USER);
    }

    @Test
    void fuzzedBodiesNeverGive5xxAndEveryRefusalIsAProblemThatStoresNothing() {
        List<String> seeds = List.of("{\"model_id\":\"m1\",\"pack_id\":\"swingsigma\",\"tag\":\"t\",\"tickers\":[\"SPY\",\"QQQ\"],"
                + "\"parameters\":{\"thresholds\":[0.5,0.6],\"hours\":[[9,10],\"all_day\"]},\"date_range\":{\"start\":\"2011-03-01\","
                + "\"end\":\"2011-03-31\"},\"kind\":\"SIMPLE\",\"count\":3}");
        List<RequestFuzzer.Case> cases = RequestFuzzer.cases(seeds, 11L, 300);
        FuzzRun.Report report = FuzzRun.run("kit POST /things", cases, body -> {
            Answer a = send("POST", "/things", userToken(), body);
            return new FuzzRun.Answer(a.status(), a.contentType(), a.raw());
        }, () -> Map.of("things", (long) ThingsController.STORED.size()));
        assertThat(report.failures()).isEmpty();
        assertThat(report.statuses()).containsKey(400);
    }

    private String rawRequest(String request) throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
