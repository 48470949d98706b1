package com.sigmatiq.alert.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.Delivery;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.SecretSealer;
import com.sigmatiq.testinfra.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code /alerts/destinations}: validation naming the field, a write-only sealed secret, owners kept apart. */
class DestinationsApiIntegrationTest extends DeliveryTestBase {

    static final String SECRET = "a-webhook-secret-of-32-characters";

    @Autowired
    SecretSealer sealer;

    @Test
    void defaultsAndOverridesAreStoredAndListedWithoutTheSecret() {
        User u = newUser();
        TestApi.Response put = put("/alerts/destinations", u.token(),
                "{\"email\": \"trader@example.com\", \"push\": {\"url\": \"https://hooks.example.com/a?x=1\", \"secret\": \"" + SECRET + "\"}}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().path("email").asString()).isEqualTo("trader@example.com");
        assertThat(put.body().path("push").path("url").asString()).isEqualTo("https://hooks.example.com/a?x=1");
        assertThat(put.body().path("push").path("secret_set").asBoolean()).isTrue();
        assertThat(put.raw()).doesNotContain(SECRET);

        assertThat(put("/alerts/destinations/pub_abc123", u.token(), "{\"email\": \"desk@example.org\"}").status()).isEqualTo(200);

        TestApi.Response list = api().get("/alerts/destinations", u.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.raw()).doesNotContain(SECRET);
        JsonNode defaults = list.body().path("defaults");
        assertThat(defaults.path("email").asString()).isEqualTo("trader@example.com");
        assertThat(defaults.path("push").path("secret_set").asBoolean()).isTrue();
        assertThat(defaults.path("push").has("secret")).isFalse();
        JsonNode overrides = list.body().path("overrides");
        assertThat(overrides).hasSize(1);
        assertThat(overrides.get(0).path("publication_id").asString()).isEqualTo("pub_abc123");
        assertThat(overrides.get(0).path("email").asString()).isEqualTo("desk@example.org");
        assertThat(overrides.get(0).path("push").isNull()).isTrue();
    }

    @Test
    void theSecretIsSealedAtRestWithAFreshIv() {
        User u = newUser();
        assertThat(put("/alerts/destinations", u.token(),
                "{\"push\": {\"url\": \"http://127.0.0.1:9/hook\", \"secret\": \"" + SECRET + "\"}}").status()).isEqualTo(200);
        byte[] first = sealed(u.id());
        byte[] plain = SECRET.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        assertThat(first).hasSize(12 + plain.length + 16);  // IV, ciphertext, GCM tag
        assertThat(sealer.open(first)).isEqualTo(SECRET);
        assertThat(new SecretSealer("another key").seal(SECRET)).isNotEqualTo(first);

        assertThat(put("/alerts/destinations", u.token(),
                "{\"push\": {\"url\": \"http://127.0.0.1:9/hook\", \"secret\": \"" + SECRET + "\"}}").status()).isEqualTo(200);
        byte[] second = sealed(u.id());
        assertThat(second).isNotEqualTo(first);
        assertThat(java.util.Arrays.copyOf(second, 12)).isNotEqualTo(java.util.Arrays.copyOf(first, 12));
        assertThat(sealer.open(second)).isEqualTo(SECRET);
    }

    @Test
    void nullOrAbsentClearsAPart() {
        User u = newUser();
        put("/alerts/destinations", u.token(), "{\"email\": \"a@example.com\", \"push\": {\"url\": \"https://x.example.com\", \"secret\": \"" + SECRET + "\"}}");
        TestApi.Response cleared = put("/alerts/destinations", u.token(), "{\"email\": \"a@example.com\", \"push\": null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.body().path("push").isNull()).isTrue();
        assertThat(sealed(u.id())).isNull();
        assertThat(put("/alerts/destinations", u.token(), "{}").body().path("email").isNull()).isTrue();
    }

    @Test
    void everyInvalidFieldIsNamed() {
        User u = newUser();
        refused(u, "/alerts/destinations", "{\"email\": \"not-an-address\"}", "email");
        refused(u, "/alerts/destinations", "{\"email\": \"a@b\"}", "email");
        refused(u, "/alerts/destinations", "{\"push\": {\"url\": \"ftp://files.example.com/x\", \"secret\": \"" + SECRET + "\"}}", "push.url");
        refused(u, "/alerts/destinations", "{\"push\": {\"url\": \"javascript:alert(1)\", \"secret\": \"" + SECRET + "\"}}", "push.url");
        refused(u, "/alerts/destinations", "{\"push\": {\"url\": \"https://x.example.com\", \"secret\": \"short\"}}", "push.secret");
        refused(u, "/alerts/destinations", "{\"push\": {\"url\": \"https://x.example.com\", \"secret\": \"" + "s".repeat(257) + "\"}}", "push.secret");
        refused(u, "/alerts/destinations", "{\"push\": {\"url\": \"https://x.example.com\"}}", "push.secret");
        refused(u, "/alerts/destinations", "{\"push\": {\"secret\": \"" + SECRET + "\"}}", "push.url");
        refused(u, "/alerts/destinations/pub%20x", "{\"email\": \"a@example.com\"}", "publication_id");
        assertThat(put("/alerts/destinations", u.token(), "{\"email\": 5}").status()).isEqualTo(400);
        assertThat(put("/alerts/destinations", null, "{}").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from destinations where owner_id = ?").param(u.id()).query(Long.class).single())
                .as("nothing stored by a refusal").isZero();
    }

    @Test
    void ownersAreKeptApart() {
        User a = newUser();
        User b = newUser();
        Publication pa = publication(a.id(), "paper_trading");
        put("/alerts/destinations", a.token(), "{\"email\": \"a@example.com\"}");
        // b writes an override for a's published model id: it is b's row, never a's routing
        assertThat(put("/alerts/destinations/" + pa.id(), b.token(), "{\"email\": \"b@example.com\"}").status()).isEqualTo(200);

        assertThat(api().get("/alerts/destinations", b.token()).body().path("defaults").isNull()).isTrue();
        assertThat(api().get("/alerts/destinations", a.token()).body().path("overrides")).isEmpty();
        Alert alert = alert(pa, inMinutes(30));
        List<Delivery> rows = planner.plan(pa, alert);
        assertThat(rows).extracting(Delivery::destination).containsExactly(Delivery.SIGMA_SIM, Delivery.USER_EMAIL);
        assertThat(rows.get(1).target()).isEqualTo("a@example.com");

        // a's own override wins over a's default
        put("/alerts/destinations/" + pa.id(), a.token(), "{\"email\": \"a-desk@example.com\"}");
        assertThat(planner.plan(pa, alert).get(1).target()).isEqualTo("a-desk@example.com");
        assertThat(planner.plan(pa, alert).get(1).validUntil()).isEqualTo(alert.orderDetails().validUntil());
    }

    private void refused(User u, String path, String body, String field) {
        TestApi.Response r = put(path, u.token(), body);
        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().path("errors").findValuesAsString("field")).as(body).contains(field);
        assertThat(r.raw()).doesNotContain(SECRET);
    }

    private byte[] sealed(String owner) {
        return jdbc.sql("select push_secret_sealed from destinations where owner_id = ? and publication_id = ''")
                .param(owner).query((rs, i) -> rs.getBytes(1)).list().get(0);
    }

    /** 150 fuzzed destination bodies: never a 5xx, every refusal a problem document, and a refusal stores nothing. */
    @Test
    void fuzzedDestinationsNeverGive5xxAndRefusalsStoreNothing() {
        User u = newUser();
        String seed = "{\"email\": \"trader@example.com\", \"push\": {\"url\": \"https://example.com/hook\", "
                + "\"secret\": \"whsec-0123456789abcdef\"}}";
        var cases = com.sigmatiq.kit.web.testing.RequestFuzzer.cases(java.util.List.of(seed), 20261204L, 150);
        var report = com.sigmatiq.kit.web.testing.FuzzRun.run("alert PUT /alerts/destinations", cases, body -> {
            TestApi.Response r = put("/alerts/destinations", u.token(), body);
            return new com.sigmatiq.kit.web.testing.FuzzRun.Answer(r.status(), r.contentType(), r.raw());
        }, () -> java.util.Map.of("destinations", jdbc.sql("select count(*) from destinations where owner_id = ?")
                .param(u.id()).query(Long.class).single()));
        assertThat(report.failures()).isEmpty();
    }
}
