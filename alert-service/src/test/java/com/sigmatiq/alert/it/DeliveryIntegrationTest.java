package com.sigmatiq.alert.it;

import static com.sigmatiq.alert.support.WebhookReceiver.Answer.answer;
import static com.sigmatiq.alert.support.WebhookReceiver.Answer.never;
import static com.sigmatiq.alert.support.WebhookReceiver.Answer.retryAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.Delivery;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RoutingService;
import com.sigmatiq.alert.domain.RoutingView;
import com.sigmatiq.alert.messaging.AlertTopics;
import com.sigmatiq.alert.support.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Delivery end to end: rows planned for an alert are sent to the paper topic, GreenMail and a local webhook, with
 * the failure modes of DESIGN §7 (errors then success, Retry-After, a hang, a 4xx, expiry, a crashed claim).
 */
class DeliveryIntegrationTest extends DeliveryTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);
    static final WebhookReceiver WEBHOOKS = new WebhookReceiver();
    static final String SECRET = "whsec-0123456789abcdef";
    static final Duration AT_ONCE = Duration.ofSeconds(10);

    @Autowired
    RoutingService routing;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @AfterAll
    static void closeWebhooks() {
        WEBHOOKS.close();
    }

    /** A user whose defaults are a unique e-mail address and {@code hook}, and a published model of theirs. */
    record Setup(User user, String email, Publication publication) {
    }

    Setup setup(String status, WebhookReceiver.Hook hook) {
        User u = newUser();
        String email = "trader-" + UUID.randomUUID() + "@example.com";
        String push = hook == null ? "null" : "{\"url\": \"" + hook.url() + "\", \"secret\": \"" + SECRET + "\"}";
        assertThat(put("/alerts/destinations", u.token(), "{\"email\": \"" + email + "\", \"push\": " + push + "}")
                .status()).isEqualTo(200);
        return new Setup(u, email, publication(u.id(), status));
    }

    @Test
    void everyDestinationGetsTheAlertOnceSignedAndKeyed() throws Exception {
        WebhookReceiver.Hook hook = WEBHOOKS.hook(answer(204));
        Setup s = setup("paper_trading", hook);
        Alert a = alert(s.publication(), inMinutes(30));
        assertThat(deliver(s.publication(), a)).extracting(Delivery::destination)
                .containsExactly(Delivery.SIGMA_SIM, Delivery.USER_EMAIL, Delivery.MOBILE_PUSH);

        await().atMost(AT_ONCE).until(() -> routing.routing(a.alertId()).destinations().stream()
                .allMatch(d -> d.status().equals(Delivery.SENT)));
        String stored = storedAlert(a.alertId());

        // the webhook: the stored document's bytes, signed with the user's secret, with the alert id as event id
        assertThat(hook.received()).hasSize(1);
        WebhookReceiver.Received r = hook.received().get(0);
        assertThat(r.text()).isEqualTo(stored);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.eventId()).isEqualTo(a.alertId());
        assertThat(r.signature()).isEqualTo("sha256=" + hmacHex(r.body(), SECRET));

        // the e-mail
        MimeMessage[] mails = SMTP.getReceivedMessagesForDomain(s.email());
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("BUY SPY 22 @ 453.50 — SPY Morning Momentum");
        assertThat(GreenMailUtil.getBody(mails[0])).contains("Quantity: 22").contains("Stop loss: 444.43")
                .contains(a.alertId());

        // the paper topic: keyed by the published model, alert id in a header, the document as value
        List<ConsumerRecord<String, String>> paper = awaitRecords(AlertTopics.PAPER, a.alertId());
        assertThat(paper).hasSize(1);
        assertThat(paper.get(0).key()).isEqualTo(s.publication().id());
        assertThat(json.readTree(paper.get(0).value())).isEqualTo(json.readTree(stored));

        // routing: every destination sent once, with its time
        RoutingView view = routing.routing(a.alertId());
        assertThat(view.destinations()).extracting(RoutingView.Destination::service)
                .containsExactly(Delivery.SIGMA_SIM, Delivery.USER_EMAIL, Delivery.MOBILE_PUSH);
        assertThat(view.destinations()).allSatisfy(d -> {
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.timestamp()).isNotNull();
            assertThat(d.nextAttemptAt()).isNull();
            assertThat(d.lastError()).isNull();
        });
        Map<String, RoutingView> page = routing.routing(List.of(a.alertId(), "alert_none"));
        assertThat(page.get(a.alertId())).isEqualTo(view);
        assertThat(page.get("alert_none").destinations()).isEmpty();
    }

    @Test
    void aLiveModelGoesToPilotNotSim() {
        Setup s = setup("live", null);
        Alert a = alert(s.publication(), inMinutes(30));
        assertThat(deliver(s.publication(), a)).extracting(Delivery::destination)
                .containsExactly(Delivery.SIGMA_PILOT, Delivery.USER_EMAIL);
        List<ConsumerRecord<String, String>> live = awaitRecords(AlertTopics.LIVE, a.alertId());
        assertThat(live.get(0).key()).isEqualTo(s.publication().id());
        await().atMost(AT_ONCE).until(() -> status(a.alertId(), Delivery.SIGMA_PILOT).equals(Delivery.SENT));
    }

    @Test
    void serverErrorsAreRetriedWithTheSameEventIdUntilAccepted() {
        WebhookReceiver.Hook hook = WEBHOOKS.hook(answer(500), answer(503), answer(200));
        Setup s = setup("alerting", hook);
        Alert a = alert(s.publication(), inMinutes(30));
        deliver(s.publication(), a);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(a.alertId(), Delivery.MOBILE_PUSH).equals(Delivery.SENT));
        assertThat(row(a.alertId(), Delivery.MOBILE_PUSH).get("attempts")).isEqualTo(3);
        assertThat(row(a.alertId(), Delivery.MOBILE_PUSH).get("last_error")).isNull();
        List<WebhookReceiver.Received> got = hook.received();
        assertThat(got).hasSize(3);
        assertThat(got).extracting(WebhookReceiver.Received::eventId).containsOnly(a.alertId());
        assertThat(got).extracting(WebhookReceiver.Received::text).containsOnly(storedAlert(a.alertId()));
        // exponential back-off: 1 s then 2 s, each within ±20%
        assertThat(Duration.between(got.get(0).at(), got.get(1).at())).isBetween(Duration.ofMillis(800), Duration.ofMillis(2500));
        assertThat(Duration.between(got.get(1).at(), got.get(2).at())).isBetween(Duration.ofMillis(1600), Duration.ofMillis(3500));
    }

    @Test
    void retryAfterIsHonouredWhenLongerThanTheBackOff() {
        WebhookReceiver.Hook hook = WEBHOOKS.hook(retryAfter(429, "3"), answer(200));
        Setup s = setup("alerting", hook);
        Alert a = alert(s.publication(), inMinutes(30));
        deliver(s.publication(), a);

        await().atMost(AT_ONCE).until(() -> row(a.alertId(), Delivery.MOBILE_PUSH).get("status").equals(Delivery.RETRYING));
        assertThat((String) row(a.alertId(), Delivery.MOBILE_PUSH).get("last_error")).startsWith("HTTP 429");
        await().atMost(Duration.ofSeconds(15)).until(() -> status(a.alertId(), Delivery.MOBILE_PUSH).equals(Delivery.SENT));
        List<WebhookReceiver.Received> got = hook.received();
        assertThat(got).hasSize(2);
        // the first back-off is 1 s ± 20%: only Retry-After explains three seconds
        assertThat(Duration.between(got.get(0).at(), got.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(2990));
    }

    @Test
    void aHangingWebhookDelaysNoOtherDestination() {
        WebhookReceiver.Hook hook = WEBHOOKS.hook(never());
        Setup s = setup("paper_trading", hook);
        Alert first = alert(s.publication(), inMinutes(30));
        deliver(s.publication(), first);
        // the webhook has the first alert and does not answer ...
        await().atMost(AT_ONCE).until(() -> hook.received().size() == 1);

        // ... while this alert and the next one reach the e-mail and the paper topic
        Publication other = publication(s.user().id(), "paper_trading");
        Alert second = alert(other, inMinutes(30));
        deliver(other, second);
        await().atMost(AT_ONCE).until(() -> SMTP.getReceivedMessagesForDomain(s.email()).length == 2);
        assertThat(awaitRecords(AlertTopics.PAPER, first.alertId())).hasSize(1);
        assertThat(awaitRecords(AlertTopics.PAPER, second.alertId())).hasSize(1);
        await().atMost(AT_ONCE).until(() -> List.of(first, second).stream().allMatch(a ->
                status(a.alertId(), Delivery.USER_EMAIL).equals(Delivery.SENT)
                        && status(a.alertId(), Delivery.SIGMA_SIM).equals(Delivery.SENT)));
        Map<String, Object> push = row(first.alertId(), Delivery.MOBILE_PUSH);
        assertThat(push.get("status")).isEqualTo(Delivery.PENDING);
        assertThat(push.get("claim_id")).as("the first webhook call is still in flight").isNotNull();

        // the request times out (4 s here) and is retried later
        await().atMost(AT_ONCE).until(() -> status(first.alertId(), Delivery.MOBILE_PUSH).equals(Delivery.RETRYING));
        assertThat((String) row(first.alertId(), Delivery.MOBILE_PUSH).get("last_error")).contains("HttpTimeoutException");
    }

    @Test
    void aClientErrorIsFinalAfterOneAttempt() {
        WebhookReceiver.Hook hook = WEBHOOKS.hook(answer(400));
        Setup s = setup("alerting", hook);
        Alert a = alert(s.publication(), inMinutes(30));
        deliver(s.publication(), a);

        await().atMost(AT_ONCE).until(() -> status(a.alertId(), Delivery.MOBILE_PUSH).equals(Delivery.FAILED));
        Map<String, Object> push = row(a.alertId(), Delivery.MOBILE_PUSH);
        assertThat(push.get("attempts")).isEqualTo(1);
        assertThat((String) push.get("last_error")).isEqualTo("HTTP 400: {\"status\":400}");
        assertThat(hook.received()).hasSize(1);
        RoutingView.Destination d = routing.routing(a.alertId()).destinations().stream()
                .filter(x -> x.service().equals(Delivery.MOBILE_PUSH)).findFirst().orElseThrow();
        assertThat(d.status()).isEqualTo(Delivery.FAILED);
        assertThat(d.nextAttemptAt()).isNull();
    }

    @Test
    void aRowExpiresWhenValidUntilPassesBeforeItIsDelivered() {
        WebhookReceiver.Hook hook = WEBHOOKS.hook(answer(500));
        Setup s = setup("alerting", hook);
        Alert a = alert(s.publication(), clock.instant().plusMillis(2500));
        deliver(s.publication(), a);

        await().atMost(AT_ONCE).until(() -> status(a.alertId(), Delivery.MOBILE_PUSH).equals(Delivery.EXPIRED));
        Map<String, Object> push = row(a.alertId(), Delivery.MOBILE_PUSH);
        assertThat((int) push.get("attempts")).isBetween(1, 3).isEqualTo(hook.received().size());
        assertThat((String) push.get("last_error")).startsWith("HTTP 500");
        assertThat(push.get("sent_at")).isNull();

        // a row already past valid_until when it comes due is expired without a try
        Publication p = publication(s.user().id(), "paper_trading");
        Alert stale = alert(p, clock.instant().minusSeconds(1));
        deliver(p, stale);
        await().atMost(AT_ONCE).until(() -> status(stale.alertId(), Delivery.SIGMA_SIM).equals(Delivery.EXPIRED));
        assertThat(row(stale.alertId(), Delivery.SIGMA_SIM).get("attempts")).isEqualTo(0);
    }

    @Test
    void aRowLeftInFlightByACrashIsTakenAgainAfterItsLease() {
        WebhookReceiver.Hook crashed = WEBHOOKS.hook(answer(200));
        WebhookReceiver.Hook held = WEBHOOKS.hook(answer(200));
        Setup s = setup("alerting", null);
        Alert a = alert(s.publication(), inMinutes(30));
        Publication p2 = publication(s.user().id(), "alerting");
        Alert b = alert(p2, inMinutes(30));
        Instant now = clock.instant();
        // the user's webhooks, then two rows claimed by a dispatcher that died: one lease over, one still running
        assertThat(put("/alerts/destinations/" + s.publication().id(), s.user().token(),
                "{\"push\": {\"url\": \"" + crashed.url() + "\", \"secret\": \"" + SECRET + "\"}}").status()).isEqualTo(200);
        assertThat(put("/alerts/destinations/" + p2.id(), s.user().token(),
                "{\"push\": {\"url\": \"" + held.url() + "\", \"secret\": \"" + SECRET + "\"}}").status()).isEqualTo(200);
        inFlight(a.alertId(), crashed.url(), now.minusSeconds(1));
        inFlight(b.alertId(), held.url(), now.plus(Duration.ofMinutes(10)));

        await().atMost(AT_ONCE).until(() -> status(a.alertId(), Delivery.MOBILE_PUSH).equals(Delivery.SENT));
        assertThat(row(a.alertId(), Delivery.MOBILE_PUSH).get("attempts")).isEqualTo(2);
        assertThat(crashed.received()).extracting(WebhookReceiver.Received::eventId).containsExactly(a.alertId());
        assertThat(held.received()).isEmpty();
        assertThat(row(b.alertId(), Delivery.MOBILE_PUSH).get("status")).isEqualTo(Delivery.PENDING);
    }

    private void inFlight(String alertId, String url, Instant leaseUntil) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into deliveries (alert_id, destination, target, status, attempts, next_attempt_at, valid_until,
                    updated_at, claim_id, lease_until)
                values (?, 'mobile_push', ?, 'pending', 1, ?, ?, ?, ?, ?)""")
                .params(alertId, url, now, Timestamp.from(inMinutes(30)), now, UUID.randomUUID(), Timestamp.from(leaseUntil))
                .update();
    }

    /** The records of {@code topic} carrying {@code alert_id = alertId}, once there is one. */
    private List<ConsumerRecord<String, String>> awaitRecords(String topic, String alertId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().pollInSameThread().atMost(AT_ONCE).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    Header h = r.headers().lastHeader(AlertTopics.ALERT_ID_HEADER);
                    if (h != null && alertId.equals(new String(h.value(), StandardCharsets.UTF_8))) {
                        found.add(r);
                    }
                }
                return !found.isEmpty();
            });
            return found;
        }
    }

    /** HMAC-SHA256 computed here, independently of the sender's code. */
    private static String hmacHex(byte[] body, String secret) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte x : mac.doFinal(body)) {
            hex.append(String.format("%02x", x));
        }
        return hex.toString();
    }
}
