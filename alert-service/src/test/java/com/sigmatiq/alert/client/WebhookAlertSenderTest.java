package com.sigmatiq.alert.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.alert.domain.DueDelivery;
import com.sigmatiq.alert.domain.SecretSealer;
import com.sigmatiq.alert.domain.SendResult;
import com.sigmatiq.alert.domain.WebhookTargets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookAlertSenderTest {

    private final WebhookAlertSender sender = new WebhookAlertSender(Duration.ofSeconds(1), Duration.ofSeconds(1),
            new SecretSealer("k"), new WebhookTargets(false), Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC));

    @Test
    void signsAsRfc4231TestCase2() {
        // RFC 4231, 4.3: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookAlertSender.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertThat(sender.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(sender.retryAfter("Wed, 21 Oct 2015 07:28:30 GMT")).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT")).isNull();
        assertThat(sender.retryAfter("0")).isNull();
        assertThat(sender.retryAfter("soon")).isNull();
        assertThat(sender.retryAfter(null)).isNull();
    }

    @Test
    void aWebhookThatNowResolvesToAPrivateAddressIsNotSent() {
        SecretSealer sealer = new SecretSealer("k");
        SendResult r = sender.send(new DueDelivery("alert_1", "mobile_push", "http://127.0.0.1:9/hook", 1,
                Instant.parse("2015-10-21T20:00:00Z"), java.util.UUID.randomUUID(), "u", "pub_1", "n", "{}",
                sealer.seal("0123456789abcdef")));
        assertThat(r.outcome()).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(r.error()).contains("127.0.0.1");
    }
}
