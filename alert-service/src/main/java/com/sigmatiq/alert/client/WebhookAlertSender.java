package com.sigmatiq.alert.client;

import com.sigmatiq.alert.domain.Delivery;
import com.sigmatiq.alert.domain.DeliverySender;
import com.sigmatiq.alert.domain.DueDelivery;
import com.sigmatiq.alert.domain.SecretSealer;
import com.sigmatiq.alert.domain.WebhookTargets;
import com.sigmatiq.alert.domain.SendResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code mobile_push}: an HTTP POST of the stored alert document (its exact bytes) with {@code Content-Type:
 * application/json}, {@code X-Sigmatiq-Signature: sha256=<hex HMAC-SHA256 of the body with the user's secret>} and
 * {@code X-Sigmatiq-Event-Id: <alert id>} (the same on every retry, for the receiver to drop repeats). 2xx is sent;
 * 408, 429 and 5xx are retried, honouring {@code Retry-After} (seconds or an HTTP date); any other status is final
 * (redirects are not followed); time-outs and connection errors are retried.
 */
public class WebhookAlertSender implements DeliverySender {

    public static final String SIGNATURE_HEADER = "X-Sigmatiq-Signature";
    public static final String EVENT_ID_HEADER = "X-Sigmatiq-Event-Id";
    private static final int BODY_EXCERPT = 200;

    private final HttpClient http;
    private final Duration requestTimeout;
    private final SecretSealer sealer;
    private final WebhookTargets targets;
    private final Clock clock;

    public WebhookAlertSender(Duration connectTimeout, Duration requestTimeout, SecretSealer sealer, WebhookTargets targets,
                              Clock clock) {
        this.targets = targets;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
        this.sealer = sealer;
        this.clock = clock;
    }

    @Override
    public String destination() {
        return Delivery.MOBILE_PUSH;
    }

    @Override
    public SendResult send(DueDelivery d) {
        if (d.pushSecretSealed() == null) {
            return SendResult.failed("the webhook " + d.target() + " is no longer among the user's destinations");
        }
        var refused = targets.refusal(d.target());
        if (refused.isPresent()) {
            return SendResult.failed("not sent: " + refused.get());
        }
        byte[] body = d.alertJson().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.target())).timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE_HEADER, "sha256=" + sign(body, sealer.open(d.pushSecretSealed())))
                    .header(EVENT_ID_HEADER, d.alertId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            return SendResult.failed("not a usable URL: " + e.getMessage());
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String excerpt = excerpt(response.body());
            if (status >= 200 && status < 300) {
                return SendResult.sent();
            }
            String error = "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
            if (status == 408 || status == 429 || status >= 500) {
                return SendResult.retry(error, retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
            }
            return SendResult.failed(error);
        } catch (IOException e) {
            return SendResult.retry(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("interrupted", null);
        }
    }

    /** Lower-case hex HMAC-SHA256 of {@code body} keyed with the secret's UTF-8 bytes. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Retry-After} as a delay: delta-seconds or an HTTP date; null when absent, unreadable or past. */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() || d.isZero() ? null : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String excerpt(InputStream in) {
        try (in) {
            String s = new String(in.readNBytes(BODY_EXCERPT), StandardCharsets.UTF_8).strip();
            return s.replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "";
        }
    }
}
