package com.sigmatiq.alert.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.alert.domain.Delivery;
import com.sigmatiq.alert.domain.DueDelivery;
import com.sigmatiq.alert.domain.SendResult;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MailAlertSenderTest {

    private static final String SELL = """
            {"alert_id": "alert_pub_1_20240130_151500_sell", "signal": {"action": "SELL", "ticker": "SPY"},
             "order_details": {"order_type": "market", "quantity": 22, "exit_reason": "rule", "exit_price": null}}""";
    private static final String STOP = """
            {"alert_id": "alert_pub_1_20240130_151500_sell", "signal": {"action": "SELL", "ticker": "SPY"},
             "order_details": {"order_type": "stop", "quantity": 22, "exit_reason": "stop_loss", "exit_price": 444.4}}""";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aSellNamesItsExitPriceOrTheMarket() {
        assertThat(MailAlertSender.subject(json.readTree(SELL), "SPY Morning Momentum"))
                .isEqualTo("SELL SPY 22 @ market — SPY Morning Momentum");
        assertThat(MailAlertSender.subject(json.readTree(STOP), "SPY Morning Momentum"))
                .isEqualTo("SELL SPY 22 @ 444.40 — SPY Morning Momentum");
    }

    @Test
    void withoutAnSmtpServerTheMailIsLoggedAndCountsAsSent() {
        MailAlertSender local = new MailAlertSender(null, "alerts@sigmatiq.local", json);
        DueDelivery d = new DueDelivery("alert_pub_1_20240130_151500_sell", Delivery.USER_EMAIL, "t@example.com", 1,
                Instant.parse("2024-01-30T21:00:00Z"), UUID.randomUUID(), "u1", "pub_1", "SPY Morning Momentum", STOP, null);
        assertThat(local.send(d)).isEqualTo(SendResult.sent());
        assertThat(MailAlertSender.body(json.readTree(STOP), d)).contains("Exit reason: stop_loss")
                .contains("Exit price: 444.4").doesNotContain("Entry price");
    }
}
