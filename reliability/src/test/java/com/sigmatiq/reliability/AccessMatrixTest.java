package com.sigmatiq.reliability;

import com.sigmatiq.reliability.ApiCatalog.Endpoint;
import com.sigmatiq.reliability.Platform.Response;
import com.sigmatiq.reliability.Platform.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strangers (issue 17): every endpoint of every service's live OpenAPI document, through the gateway, × {no token,
 * expired token, token signed by another key, another user, a user without {@code operator}}. Expected: 401, 401, 401;
 * for another user 404 where the path names the owner's resource, 403 where the service requires a role the user
 * lacks, otherwise an answer that shows none of the owner's resources; and afterwards every one of the owner's
 * resources reads back as before. All mismatches are collected and reported together.
 */
@Order(1)
class AccessMatrixTest {

    private static Platform platform;
    private static OwnerFixtures owner;
    private static List<Endpoint> endpoints;

    @BeforeAll
    static void startAndCreateTheOwnersResources() {
        platform = Platform.get();
        endpoints = ApiCatalog.read(platform);
        owner = OwnerFixtures.create(platform);
    }

    @Test
    void everyEndpointRefusesStrangersAndChangesNothing() {
        User stranger = platform.register("stranger");
        String expired = platform.tokenSignedByTheGateway(owner.owner.id(), Instant.now().minusSeconds(7200),
                Instant.now().minusSeconds(3600));
        String forged = platform.tokenSignedByAnotherKey(owner.owner.id());

        Map<String, String> before = snapshot();
        assertThat(before).as("the owner's readable resources").hasSizeGreaterThanOrEqualTo(5);

        List<String> failures = new ArrayList<>();
        int cells = 0;
        int tested = 0;
        int forCaller = 0;
        int owned = 0;
        for (Endpoint e : endpoints) {
            if (e.isPublic()) {
                continue;
            }
            tested++;
            forCaller += e.ownedByCaller() ? 1 : 0;
            owned += owner.aimsAtOwnedResource(e) ? 1 : 0;
            String path = owner.expand(e);
            byte[] body = Samples.body(e);
            String type = body == null ? null : "application/json";
            Map<String, String> headers = e.eventStream() ? Map.of("Accept", "text/event-stream") : Map.of();

            cells += 3;
            expect(failures, e, "no token", send(e, path, null, type, body, headers), 401);
            expect(failures, e, "expired token", send(e, path, expired, type, body, headers), 401);
            expect(failures, e, "token of another key", send(e, path, forged, type, body, headers), 401);

            cells += 2;
            Response asStranger = send(e, path, stranger.token(), type, body, headers);
            Response asNonOperator = e.role() == null ? asStranger : send(e, path, stranger.token(), type, body, headers);
            if (e.role() != null) {
                expect(failures, e, "another user", asStranger, 403);
                expect(failures, e, "user without " + e.role(), asNonOperator, 403);
            } else if (owner.aimsAtOwnedResource(e)) {
                expect(failures, e, "another user", asStranger, 404);
                expect(failures, e, "user without operator", asNonOperator, 404);
                // the caller comes from the token: a 'user' parameter naming the owner must grant nothing
                Response claimed = send(e, path + "?user=" + owner.owner.id(), stranger.token(), type, body, headers);
                expect(failures, e, "another user naming the owner in ?user=", claimed, 404);
            } else if (asStranger.status() >= 500 || asStranger.status() == 401
                    || (asStranger.status() == 0 && !e.eventStream())) {
                failures.add(e + " another user: " + asStranger);
            } else if (e.ownedByCaller() && e.method().equals("GET") && !e.eventStream()) {
                for (String id : List.of(owner.modelId, owner.sweepId, owner.pilotAccountId)) {
                    if (asStranger.body().contains(id)) {
                        failures.add(e + " another user sees the owner's " + id + ": " + asStranger);
                    }
                }
            }
        }

        Map<String, String> after = snapshot();
        for (Map.Entry<String, String> b : before.entrySet()) {
            if (!b.getValue().equals(after.get(b.getKey()))) {
                failures.add("the owner's " + b.getKey() + " changed: " + b.getValue() + " -> " + after.get(b.getKey()));
            }
        }
        System.out.printf("access matrix: %d endpoints x 5 strangers = %d cells (%d act for the caller, %d aim at the"
                + " owner's resources), %d mismatches%n", tested, cells, forCaller, owned, failures.size());
        assertThat(failures).as("access matrix (%d endpoints, %d cells)", tested, cells).isEmpty();
        assertThat(tested).as("endpoints in the documents").isGreaterThanOrEqualTo(60);
        assertThat(forCaller).as("endpoints marked %s", ApiCatalog.ACTS_FOR_CALLER).isGreaterThanOrEqualTo(30);
        assertThat(owned).as("endpoints aimed at the owner's model, sweep or live account").isGreaterThanOrEqualTo(10);
    }

    private static Response send(Endpoint e, String path, String token, String type, byte[] body,
                                 Map<String, String> headers) {
        return platform.send(e.method(), URI.create(platform.gateway + path), token, type, body, headers);
    }

    private static void expect(List<String> failures, Endpoint e, String who, Response r, int status) {
        if (r.status() != status || !r.isProblem()) {
            failures.add(e + " " + who + ": expected " + status + " problem, got " + r);
        }
    }

    /**
     * The owner's GET answers that do not change by themselves (read twice, kept where equal): models, their
     * configurations, the live account and its limits, the destinations.
     */
    private static Map<String, String> snapshot() {
        Map<String, String> first = read();
        Map<String, String> second = read();
        Map<String, String> stable = new LinkedHashMap<>();
        first.forEach((k, v) -> {
            if (v.equals(second.get(k))) {
                stable.put(k, v);
            }
        });
        return stable;
    }

    private static Map<String, String> read() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            if (!e.method().equals("GET") || e.eventStream() || !e.ownedByCaller() || e.role() != null) {
                continue;
            }
            if (!e.pathParameters().isEmpty() && !owner.aimsAtOwnedResource(e)) {
                continue;
            }
            Response r = platform.get(owner.expand(e), owner.owner.token());
            if (r.status() == 200 && !e.path().startsWith("/sweeps")) { // a sweep's progress moves by itself
                out.put(e.toString(), r.body());
            }
        }
        return out;
    }
}
