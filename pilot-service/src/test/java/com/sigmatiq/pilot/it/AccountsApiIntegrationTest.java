package com.sigmatiq.pilot.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.pilot.domain.Accounts;
import com.sigmatiq.pilot.domain.CredentialSealer;
import com.sigmatiq.testinfra.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** {@code /pilot/accounts}: limits, owners kept apart, kill switches, credentials sealed and never answered or logged. */
@ExtendWith(OutputCaptureExtension.class)
class AccountsApiIntegrationTest extends PilotIntegrationTestBase {

    static final String PASSWORD = "fix-password-7f3a9c21e5";

    @Autowired
    Accounts accounts;

    @Test
    void anAccountIsOpenedWithItsLimitsAndListedWithoutItsCredentials(CapturedOutput output) {
        User u = newUser();
        TestApi.Response created = api().post("/pilot/accounts", u.token(), fixAccount("DU123456", PASSWORD, 9878));
        assertThat(created.status()).isEqualTo(201);
        JsonNode a = created.body();
        assertThat(a.path("id").asString()).startsWith("acc_");
        assertThat(a.path("broker").asString()).isEqualTo("fix");
        assertThat(a.path("account_id").asString()).isEqualTo("DU123456");
        assertThat(a.path("connection").path("sender_comp_id").asString()).isEqualTo("S_DU123456");
        assertThat(a.path("limits").path("max_capital").asDouble()).isEqualTo(50_000);
        assertThat(a.path("limits").path("max_position_size").asDouble()).isEqualTo(1_000);
        assertThat(a.path("limits").path("max_open_positions").asInt()).isEqualTo(3);
        assertThat(a.path("limits").path("daily_loss_limit").asDouble()).isEqualTo(500);
        assertThat(a.path("limits").path("max_orders_per_minute").asInt()).isEqualTo(10);
        assertThat(a.path("limits").path("price_band_pct").asDouble()).isEqualTo(5.0);
        assertThat(a.path("kill_switch").asBoolean()).isFalse();
        assertThat(a.path("connection_state").asString()).isEqualTo("disconnected");
        assertThat(a.path("credentials_set").asBoolean()).isTrue();
        assertThat(a.has("credentials")).isFalse();
        assertThat(created.raw()).doesNotContain(PASSWORD);

        String id = a.path("id").asString();
        TestApi.Response one = api().get("/pilot/accounts/" + id, u.token());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.raw()).doesNotContain(PASSWORD);
        TestApi.Response list = api().get("/pilot/accounts", u.token());
        assertThat(list.body().path("accounts")).hasSize(1);
        assertThat(list.raw()).doesNotContain(PASSWORD);

        assertThat(accounts.credentials(id)).isEqualTo(Map.of("password", PASSWORD));
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }

    @Test
    void credentialsAreSealedWithAesGcmUnderTheConfiguredKey() {
        User u = newUser();
        String id = api().post("/pilot/accounts", u.token(), fixAccount("DU1", PASSWORD, 9878)).body().path("id").asString();
        byte[] sealed = jdbc.sql("select credentials from account where id = ?").param(id).query((rs, n) -> rs.getBytes(1)).single();
        String plain = "{\"password\":\"" + PASSWORD + "\"}";
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);
        assertThat(sealed).hasSize(12 + plain.getBytes(StandardCharsets.UTF_8).length + 16);  // IV, ciphertext, GCM tag
        assertThat(new CredentialSealer(SECRET_KEY).open(sealed)).isEqualTo(plain);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CredentialSealer("another key").open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(PASSWORD);
    }

    @Test
    void anotherUsersAccountIsAbsent() {
        User owner = newUser();
        User other = newUser();
        String id = api().post("/pilot/accounts", owner.token(), fixAccount("DU2", PASSWORD, 9878)).body().path("id").asString();
        assertThat(api().get("/pilot/accounts/" + id, other.token()).status()).isEqualTo(404);
        assertThat(api().post("/pilot/accounts/" + id + "/kill-switch", other.token(), "{\"engaged\": true}").status()).isEqualTo(404);
        assertThat(api().get("/pilot/accounts", other.token()).body().path("accounts")).isEmpty();
        assertThat(api().get("/pilot/accounts/" + id, owner.token()).body().path("kill_switch").asBoolean()).isFalse();
    }

    @Test
    void theSameBrokerAccountTwiceIsAConflict() {
        User u = newUser();
        assertThat(api().post("/pilot/accounts", u.token(), fixAccount("DU3", PASSWORD, 9878)).status()).isEqualTo(201);
        TestApi.Response again = api().post("/pilot/accounts", u.token(), fixAccount("DU3", PASSWORD, 9878));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.raw()).doesNotContain(PASSWORD);
    }

    @Test
    void badRequestsNameEachFieldAndNeverEchoACredential(CapturedOutput output) {
        User u = newUser();
        TestApi.Response bad = api().post("/pilot/accounts", u.token(), """
                {"broker": "etrade", "account_id": "DU 1", "credentials": {"password": "%s"},
                 "limits": {"max_capital": 500, "max_position_size": 1000, "max_open_positions": 0,
                            "daily_loss_limit": -1, "price_band_pct": 150}}""".formatted(PASSWORD));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").findValuesAsString("field")).contains("broker", "account_id",
                "limits.max_position_size", "limits.max_open_positions", "limits.daily_loss_limit",
                "limits.max_orders_per_minute", "limits.price_band_pct");
        assertThat(bad.raw()).doesNotContain(PASSWORD);

        TestApi.Response fix = api().post("/pilot/accounts", u.token(), """
                {"broker": "fix", "account_id": "DU4", "connection": {"host": "", "port": 70000},
                 "limits": {"max_capital": 5000, "max_position_size": 1000, "max_open_positions": 1,
                            "daily_loss_limit": 100, "max_orders_per_minute": 5}}""");
        assertThat(fix.status()).isEqualTo(400);
        assertThat(fix.body().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("connection.host",
                "connection.port", "connection.sender_comp_id", "connection.target_comp_id");

        TestApi.Response alpaca = api().post("/pilot/accounts", u.token(), """
                {"broker": "alpaca", "account_id": "PA1", "connection": {"base_url": "https://paper-api.alpaca.markets"},
                 "credentials": {"api_key_id": "%s"},
                 "limits": {"max_capital": 5000, "max_position_size": 1000, "max_open_positions": 1,
                            "daily_loss_limit": 100, "max_orders_per_minute": 5}}""".formatted(PASSWORD));
        assertThat(alpaca.status()).isEqualTo(400);
        assertThat(alpaca.body().path("errors").findValuesAsString("field")).containsExactly("credentials");
        assertThat(alpaca.raw()).doesNotContain(PASSWORD);
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }

    @Test
    void killSwitchesOfTheAccountAndTheOperatorsAreShownAndRecorded() {
        User u = newUser();
        String id = api().post("/pilot/accounts", u.token(), fixAccount("DU5", PASSWORD, 9878)).body().path("id").asString();
        TestApi.Response on = api().post("/pilot/accounts/" + id + "/kill-switch", u.token(), "{\"engaged\": true}");
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.body().path("kill_switch").asBoolean()).isTrue();
        assertThat(api().post("/pilot/accounts/" + id + "/kill-switch", u.token(), "{\"engaged\": false}").body()
                .path("kill_switch").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from kill_switch_event where account_id = ?").param(id).query(Long.class).single())
                .isEqualTo(2);
        api().post("/pilot/accounts/" + id + "/kill-switch", u.token(), "{\"engaged\": true}");
        TestApi.Response absent = api().post("/pilot/accounts/" + id + "/kill-switch", u.token(), "{}");
        assertThat(absent.status()).as("an absent value never releases the switch").isEqualTo(400);
        assertThat(absent.body().path("errors").findValuesAsString("field")).containsExactly("engaged");
        assertThat(api().get("/pilot/accounts/" + id, u.token()).body().path("kill_switch").asBoolean()).isTrue();
        api().post("/pilot/accounts/" + id + "/kill-switch", u.token(), "{\"engaged\": false}");

        assertThat(api().post("/pilot/kill-switch", u.token(), "{\"engaged\": true}").status()).isEqualTo(403);
        User op = newOperator();
        try {
            assertThat(api().post("/pilot/kill-switch", op.token(), "{\"engaged\": true}").body().path("engaged").asBoolean()).isTrue();
            assertThat(api().get("/pilot/accounts/" + id, u.token()).body().path("global_kill_switch").asBoolean()).isTrue();
        } finally {
            assertThat(api().post("/pilot/kill-switch", op.token(), "{\"engaged\": false}").body().path("engaged").asBoolean()).isFalse();
        }
        assertThat(api().get("/pilot/accounts/" + id, u.token()).body().path("global_kill_switch").asBoolean()).isFalse();
    }
}
