package com.sigmatiq.gateway;

import static com.sigmatiq.gateway.GatewayHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sigmatiq.kit.web.testing.FuzzRun;
import com.sigmatiq.kit.web.testing.ProblemCheck;
import com.sigmatiq.kit.web.testing.RequestFuzzer;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import tools.jackson.databind.JsonNode;

/** Registration, login and the JWKS on the real embedded PostgreSQL. */
@SigmatiqIntegrationTest(properties = {GatewayHttp.TEST_SECRET, "sigmatiq.identity.demo-user.enabled=true",
        "sigmatiq.identity.operators=demo, ops-somebody", "sigmatiq.identity.service-secret=test-service-secret",
        // every test here logs in from 127.0.0.1, the fuzz test also as demo: LoginThrottleIntegrationTest has the limits
        "sigmatiq.identity.login-throttle.per-address=100000", "sigmatiq.identity.login-throttle.per-user=100000",
        "sigmatiq.identity.login-throttle.per-user-and-address=100000"})
class IdentityIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    GatewayHttp http;

    @BeforeEach
    void client() {
        http = new GatewayHttp(port);
    }

    @Test
    void aServiceWithTheSharedSecretGetsATokenOfItsOwnWithTheServiceRoleOnly() throws Exception {
        HttpResponse<String> issued = http.postJson("/api/auth/service-token",
                "{\"service\": \"alert-service\", \"secret\": \"test-service-secret\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        SignedJWT jwt = SignedJWT.parse(json(issued).path("access_token").asString());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("service:alert-service");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("service");

        HttpResponse<String> wrong = http.postJson("/api/auth/service-token",
                "{\"service\": \"alert-service\", \"secret\": \"guess\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("access_token");
        HttpResponse<String> badName = http.postJson("/api/auth/service-token",
                "{\"service\": \"../x\", \"secret\": \"test-service-secret\"}");
        assertThat(badName.statusCode()).isEqualTo(400);
    }

    @Test
    void registerThenLoginIssuesATokenThatVerifiesAgainstTheJwks() throws Exception {
        String username = GatewayHttp.uniqueUsername("alice");

        HttpResponse<String> registered = http.register(username, "correct-horse");
        assertThat(registered.statusCode()).isEqualTo(201);
        JsonNode user = json(registered);
        String userId = user.path("user_id").asString();
        assertThat(UUID.fromString(userId)).isNotNull();
        assertThat(user.path("username").asString()).isEqualTo(username);
        assertThat(user.has("password")).isFalse();

        HttpResponse<String> login = http.login(username, "correct-horse");
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode token = json(login);
        assertThat(token.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asLong()).isEqualTo(3600);
        String accessToken = token.path("access_token").asString();

        HttpResponse<String> jwksResponse = http.get("/.well-known/jwks.json");
        assertThat(jwksResponse.statusCode()).isEqualTo(200);
        assertThat(jwksResponse.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JWKSet jwks = JWKSet.parse(jwksResponse.body());
        assertThat(jwks.getKeys()).hasSize(1);
        JWK published = jwks.getKeys().get(0);
        assertThat(published.isPrivate()).isFalse();
        assertThat(published.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwksResponse.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");

        // Verify with Nimbus directly, as a service's resource server would.
        SignedJWT jwt = SignedJWT.parse(accessToken);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(published.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(((RSAKey) published).toRSAPublicKey()))).isTrue();

        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
        JWTClaimsSet claims = processor.process(jwt, null);
        assertThat(claims.getIssuer()).isEqualTo("sigmatiq");
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(username);
        assertThat(claims.getStringListClaim("roles")).containsExactly("user");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000L);
        assertThat(claims.getExpirationTime()).isAfter(new Date());

        // A token with one changed claim does not verify.
        String[] parts = accessToken.split("\\.");
        String forgedPayload = com.nimbusds.jose.util.Base64URL.encode(
                claims.toString().replace(userId, UUID.randomUUID().toString())).toString();
        JWSObject forged = JWSObject.parse(parts[0] + "." + forgedPayload + "." + parts[2]);
        assertThat(forged.verify(new RSASSAVerifier(((RSAKey) published).toRSAPublicKey()))).isFalse();
    }

    /**
     * What a service gets from {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} plus
     * {@code issuer-uri: sigmatiq}: Boot builds exactly this decoder (JWKS over HTTP, default
     * validators plus a {@link JwtIssuerValidator}).
     */
    @Test
    void aServiceConfiguredWithTheJwkSetUriAcceptsTheToken() {
        String username = GatewayHttp.uniqueUsername("erin");
        String userId = json(http.register(username, "password-123")).path("user_id").asString();
        String token = json(http.login(username, "password-123")).path("access_token").asString();

        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSetUri("http://localhost:" + port + "/.well-known/jwks.json").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(new JwtIssuerValidator("sigmatiq"))));
        Jwt jwt = decoder.decode(token);
        assertThat(jwt.getSubject()).isEqualTo(userId);
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo(username);
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("sigmatiq");

        NimbusJwtDecoder otherIssuer = NimbusJwtDecoder
                .withJwkSetUri("http://localhost:" + port + "/.well-known/jwks.json").build();
        otherIssuer.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(new JwtIssuerValidator("elsewhere"))));
        assertThatThrownBy(() -> otherIssuer.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void duplicateUsernameIs409ProblemDetail() {
        String username = GatewayHttp.uniqueUsername("bob");
        assertThat(http.register(username, "password-1").statusCode()).isEqualTo(201);

        HttpResponse<String> again = http.register(username, "password-2");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(again);
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("title").asString()).isEqualTo("Username taken");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("username");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE username = ?").param(username)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void wrongPasswordAndUnknownUserAre401ProblemDetails() {
        String username = GatewayHttp.uniqueUsername("carol");
        http.register(username, "right-password");

        for (HttpResponse<String> response : List.of(http.login(username, "wrong-password"),
                http.login(GatewayHttp.uniqueUsername("nobody"), "right-password"))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.path("detail").asString()).isEqualTo("invalid username or password");
            assertThat(problem.has("access_token")).isFalse();
        }
    }

    @Test
    void passwordIsStoredAsBcryptHash() {
        String username = GatewayHttp.uniqueUsername("dave");
        http.register(username, "plain-password");
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE username = ?").param(username)
                .query(String.class).single();
        assertThat(hash).startsWith("$2a$10$").doesNotContain("plain-password");
    }

    @Test
    void invalidRegistrationIs400WithFieldNames() {
        HttpResponse<String> response = http.register("X", "short");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("username", "password");
    }

    @Test
    void demoUserExistsOnceAndCanLogIn() {
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE username = 'demo'").query(Long.class).single())
                .isEqualTo(1L);
        assertThat(http.login("demo", "sigmatiq-demo").statusCode()).isEqualTo(200);
    }

    @Test
    void anOperatorsTokenCarriesTheOperatorRole() throws Exception {
        String demo = json(http.login("demo", "sigmatiq-demo")).path("access_token").asString();
        assertThat(SignedJWT.parse(demo).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("user", "operator");
        http.register("ops-somebody", "password-123");
        String ops = json(http.login("ops-somebody", "password-123")).path("access_token").asString();
        assertThat(SignedJWT.parse(ops).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("user", "operator");
    }

    @Test
    void signingKeyIsStoredEncrypted() {
        List<byte[]> ciphertexts = jdbc.sql("SELECT private_key_ciphertext FROM signing_key")
                .query(byte[].class).list();
        assertThat(ciphertexts).hasSize(1);
        byte[] stored = ciphertexts.get(0);
        String asText = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("BEGIN").doesNotContain("PRIVATE");
        // DER of a PKCS#8 RSA key carries the rsaEncryption OID 1.2.840.113549.1.1.1 in clear
        assertThat(indexOf(stored, new byte[] {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d,
                0x01, 0x01, 0x01})).isEqualTo(-1);
    }

    @Test
    void publicEndpointsAnswer() {
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").body()).contains("UP");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> docs = http.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/auth/register", "/api/auth/login", "/.well-known/jwks.json",
                "\"bearer\"");
        assertThat(docs.body()).doesNotContain("/error", "/api/packs", "userId", "accessToken");
        assertThat(docs.body()).contains("\"user_id\"", "\"access_token\"", "\"expires_in\"", "application/problem+json");
        HttpResponse<String> index = http.get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("Sigmatiq", "/swagger-ui.html", "/v3/api-docs");
    }

    @Test
    void gatewayOwnPathsNeedATokenAndAnswerProblemDetails() {
        HttpResponse<String> env = http.get("/actuator/env");
        assertThat(env.statusCode()).isEqualTo(401);
        assertThat(env.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(env).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void requestsTomcatRejectsItselfAreProblemDetailsToo() {
        HttpResponse<String> response = http.get("/api/packs/a%00b");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(response).path("status").asInt()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("<html", "Exception");
    }

    @Test
    void aQueryParameterThatIsNotUtf8IsA400ProblemNamingItOnAProxiedPathToo() {
        HttpResponse<String> response = http.get("/api/packs?sort=%FF");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ProblemCheck.why(400, response.headers().firstValue("Content-Type").orElse(null), response.body())).isNull();
        assertThat(json(response).path("errors").path(0).path("field").asString()).isEqualTo("sort");
    }

    @Test
    void aNulInAUsernameIs400NamingTheFieldAndNothingIsStored() {
        long users = jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
        HttpResponse<String> r = http.postJson("/api/auth/register", "{\"username\":\"nul\\u0000user\",\"password\":\"password-123\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ProblemCheck.why(400, r.headers().firstValue("Content-Type").orElse(null), r.body())).isNull();
        assertThat(json(r).path("errors").path(0).path("field").asString()).isEqualTo("username");
        assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single()).isEqualTo(users);
    }

    @Test
    void fuzzedRegistrationsAndLoginsNeverGive5xxAndRefusalsStoreNothing() {
        java.util.function.Supplier<java.util.Map<String, Long>> rows = () -> java.util.Map.of("users",
                jdbc.sql("SELECT count(*) FROM users").query(Long.class).single());
        for (String path : List.of("/api/auth/register", "/api/auth/login")) {
            List<RequestFuzzer.Case> cases = RequestFuzzer.cases(List.of("{\"username\": \"fuzz-user\", \"password\": "
                    + "\"correct-horse\"}", "{\"username\": \"demo\", \"password\": \"sigmatiq-demo\"}"), path.length(), 150);
            FuzzRun.Report report = FuzzRun.run("gateway POST " + path, cases, body -> {
                HttpResponse<String> r = http.postJson(path, body);
                return new FuzzRun.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
            }, rows);
            assertThat(report.failures()).isEmpty();
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
