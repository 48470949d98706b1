package com.sigmatiq.reliability;

import com.sigmatiq.reliability.Platform.Response;
import com.sigmatiq.reliability.Platform.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets (issue 17): with known secrets in place — the gateway's key-encryption secret and service secret, the SMTP
 * password every service is given, a webhook secret and a broker password stored through the API — a slice of the
 * journey runs (destinations, a live account, their read-backs, refused requests that carry the secrets, a kill
 * switch), and then every log line of every service and every answer this JVM received (the access matrix and fuzz
 * runs included, when they ran first) is searched for each secret, as is and URL- or Base64-encoded.
 */
@Order(9)
class SecretsNeverLeakTest {

    @Test
    void noSecretAppearsInAnyLogLineOrAnswer() throws IOException {
        Platform p = Platform.get();
        OwnerFixtures owner = OwnerFixtures.create(p); // webhook secret and broker password stored
        User user = owner.owner;

        List<Response> slice = new ArrayList<>();
        slice.add(p.get("/api/alerts/destinations", user.token()));
        slice.add(p.get("/api/pilot/accounts", user.token()));
        slice.add(p.get("/api/pilot/accounts/" + owner.pilotAccountId, user.token()));
        Map<String, Object> badAccount = new LinkedHashMap<>(OwnerFixtures.pilotAccount("DU-bad"));
        badAccount.put("limits", Map.of("max_capital", -1));
        slice.add(p.send("POST", "/api/pilot/accounts", user.token(), "application/json", Platform.json(badAccount)));
        slice.add(p.send("POST", "/api/pilot/accounts", user.token(), "application/json",
                Platform.json(Map.of("broker", "nope", "credentials", Map.of("password", Platform.BROKER_PASSWORD)))));
        slice.add(p.send("PUT", "/api/alerts/destinations", user.token(), "application/json",
                Platform.json(Map.of("push", Map.of("url", "not a url " + Platform.WEBHOOK_SECRET, "secret", Platform.WEBHOOK_SECRET)))));
        slice.add(p.send("PUT", "/api/alerts/destinations", user.token(), "application/json",
                ("{\"push\":{\"url\":\"https://x.example\",\"secret\":\"" + Platform.WEBHOOK_SECRET + "\"").getBytes(StandardCharsets.UTF_8)));
        slice.add(p.send("POST", "/api/pilot/accounts/" + owner.pilotAccountId + "/kill-switch", user.token(),
                "application/json", "{\"engaged\":true}".getBytes(StandardCharsets.UTF_8)));
        slice.add(p.send("POST", "/api/auth/service-token", null, "application/json",
                Platform.json(Map.of("service", "alert-service", "secret", p.services.serviceSecret() + "x"))));
        slice.add(p.send("POST", "/api/auth/login", null, "application/json",
                Platform.json(Map.of("username", user.name(), "password", Platform.SMTP_PASSWORD))));
        assertThat(slice.get(0).status()).as(slice.get(0).toString()).isEqualTo(200);
        assertThat(slice.get(0).body()).contains("secret_set");
        assertThat(slice.get(2).status()).as(slice.get(2).toString()).isEqualTo(200);

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("key-encryption secret", p.services.keyEncryptionSecret());
        secrets.put("service secret", p.services.serviceSecret());
        secrets.put("SMTP password", Platform.SMTP_PASSWORD);
        secrets.put("webhook secret", Platform.WEBHOOK_SECRET);
        secrets.put("broker password", Platform.BROKER_PASSWORD);
        String pilotKey = p.services.property("pilot-service", "sigmatiq.pilot.secret-key");
        if (pilotKey != null) {
            secrets.put("pilot credential key", pilotKey);
        }
        assertThat(p.services.property("alert-service", "spring.mail.password")).isEqualTo(Platform.SMTP_PASSWORD);

        List<String> lines = Files.readAllLines(p.logFile, StandardCharsets.UTF_8);
        for (String service : p.services.baseUrls().keySet()) {
            assertThat(lines).as("the log has %s's lines", service).anyMatch(l -> l.contains("[" + service + "]"));
        }
        List<String> answers;
        synchronized (p.answers) {
            answers = List.copyOf(p.answers);
        }

        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            for (String form : forms(secret.getValue())) {
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains(form)) {
                        leaks.add(secret.getKey() + " in log line " + (i + 1) + ": " + cut(lines.get(i)));
                    }
                }
                for (String answer : answers) {
                    if (answer.contains(form)) {
                        leaks.add(secret.getKey() + " in an answer: " + cut(answer));
                    }
                }
            }
        }
        System.out.printf("[secrets] %d secrets searched in %d log lines and %d answers: %d leaks%n", secrets.size(),
                lines.size(), answers.size(), leaks.size());
        assertThat(leaks).isEmpty();
        assertThat(answers.size()).isGreaterThanOrEqualTo(slice.size());
    }

    private static List<String> forms(String secret) {
        return List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
