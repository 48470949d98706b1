package com.sigmatiq.marketdata.feed;

import com.sigmatiq.marketdata.TestTokens;
import com.sigmatiq.testinfra.ServiceJvm;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqInfrastructureCondition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills market-data-service with SIGKILL in the middle of a paced replay (no shutdown hook, no last cursor save, sends
 * in flight) and starts it again: the new process resumes the replay by itself, and subscribers see every bar of every
 * timeframe once, in order, none skipped.
 */
@ExtendWith(SigmatiqInfrastructureCondition.class)
class ReplayCrashIntegrationTest {

    private static final String MAIN = "com.sigmatiq.marketdata.MarketDataServiceApplication";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = new JsonMapper();

    private static List<String> args(int port) {
        SigmatiqInfrastructure.Endpoints e = SigmatiqInfrastructure.start();
        List<String> args = new ArrayList<>(ServiceJvm.infrastructureArgs(e, "marketdata", TestTokens.jwksUri()));
        args.removeIf(a -> a.startsWith("--server.port="));
        args.addAll(List.of("--server.port=" + port, "--sigmatiq.marketdata.bootstrap-dir=../data/market",
                "--logging.level.org.apache.kafka=WARN"));
        return args;
    }

    @Test
    void aReplayKilledMidwayIsResumedByTheNextProcessWithEveryBarOnceAndInOrder() throws Exception {
        int port = freePort();
        UUID id;
        Map<String, List<Long>> expected = new HashMap<>();
        long positionAtKill;
        try (ServiceJvm first = new ServiceJvm(MAIN, "files from", args(port))) {
            first.awaitReady(180);
            for (String tf : List.of("1m", "5m", "15m")) {
                List<Long> starts = new ArrayList<>();
                for (JsonNode b : call("GET", port, "/bars/SPY?timeframe=" + tf + "&source=1m&from=2011-03-01&to=2011-03-31",
                        null).get("bars")) {
                    starts.add(Instant.parse(b.get("time").asString()).toEpochMilli());
                }
                expected.put("SPY|" + tf, starts);
            }
            // March 2011 (about 2.7 million seconds) at 200,000 times real time: about 13 s
            id = UUID.fromString(call("POST", port, "/replays", """
                    {"tickers": ["SPY"], "timeframes": ["1m", "5m", "15m"], "source_timeframe": "1m",
                     "from": "2011-03-01", "to": "2011-03-31", "speed": "200000"}""").get("id").asString());
            UUID replay = id;
            Awaitility.await("3,000 events replayed").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                    .until(() -> progress(replay), r -> !r[0].equals("running") || Long.parseLong(r[1]) >= 3_000);
            first.kill();
            String[] atKill = progress(id);
            assertThat(atKill[0]).as("killed while the replay ran").isEqualTo("running");
            positionAtKill = Long.parseLong(atKill[1]);
        }
        String[] done;
        try (ServiceJvm second = new ServiceJvm(MAIN, "resuming replay " + id, args(port))) {
            second.awaitReady(180);
            UUID replay = id;
            done = Awaitility.await("the resumed replay ends").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> progress(replay), r -> !r[0].equals("running"));
        }
        long total = expected.values().stream().mapToLong(List::size).sum();
        System.out.printf("replay crash: killed at event %d of %d, resumed and %s%n", positionAtKill, total, done[0]);
        assertThat(done[0]).isEqualTo("completed");
        assertThat(positionAtKill).as("killed midway").isLessThan(total);
        assertThat(Long.parseLong(done[1])).isEqualTo(total);

        Map<String, List<Long>> seen = new HashMap<>();
        for (ConsumerRecord<String, String> rec : TopicRecords.readAll(List.of("market.bars.1m", "market.bars.5m", "market.bars.15m"))) {
            JsonNode payload = JSON.readTree(rec.value()).get("payload");
            if (id.toString().equals(payload.path("replay_id").asString(null))) {
                seen.computeIfAbsent(payload.get("ticker").asString() + "|" + payload.get("timeframe").asString(),
                        k -> new ArrayList<>()).add(Instant.parse(payload.get("start").asString()).toEpochMilli());
            }
        }
        assertThat(seen).isEqualTo(expected); // per ticker and timeframe: complete, once each, in order
    }

    private static JsonNode call(String method, int port, String path, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.operatorToken("crash-tester"));
        if (body != null) {
            r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    /** The replay's status and position, read straight from its table. */
    private static String[] progress(UUID id) throws Exception {
        SigmatiqInfrastructure.Endpoints e = SigmatiqInfrastructure.start();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("marketdata"), e.username(), e.password());
             PreparedStatement s = c.prepareStatement("select status, position from replay where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("replay " + id + " stored").isTrue();
                return new String[] {rs.getString(1), Long.toString(rs.getLong(2))};
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
