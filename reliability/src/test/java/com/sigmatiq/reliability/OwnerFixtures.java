package com.sigmatiq.reliability;

import com.sigmatiq.reliability.ApiCatalog.Endpoint;
import com.sigmatiq.reliability.Platform.Response;
import com.sigmatiq.reliability.Platform.User;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An owner with real resources the strangers aim at: a model (the seed's create-model request), a sweep of it (two
 * combinations), a live account with broker credentials and a webhook destination; the operator's replay. Path
 * parameters of types no cheap call creates (published models, training jobs, sim accounts, orders, alerts) get ids
 * nobody owns — for them "another user" is the 404 of a missing resource.
 */
final class OwnerFixtures {

    final User owner;
    final User operator;
    final String modelId;
    final String sweepId;
    final String pilotAccountId;
    final String replayId;
    final String importId;

    private OwnerFixtures(User owner, User operator, String modelId, String sweepId, String pilotAccountId,
                          String replayId, String importId) {
        this.owner = owner;
        this.operator = operator;
        this.modelId = modelId;
        this.sweepId = sweepId;
        this.pilotAccountId = pilotAccountId;
        this.replayId = replayId;
        this.importId = importId;
    }

    static OwnerFixtures create(Platform p) {
        User owner = p.register("owner");
        User operator = p.operator();
        String modelId = "rel_model_" + Long.toString(System.nanoTime(), 36);
        Response model = p.send("POST", "/api/models", owner.token(), "application/json", Platform.json(seedModel(modelId)));
        require(model, 201);

        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("model_id", modelId);
        sweep.put("sweep_type", "custom");
        sweep.put("date_range", Map.of("start", "2011-03-01", "end", "2011-03-10"));
        sweep.put("parameters", Map.of("thresholds", List.of(0.5, 0.6)));
        sweep.put("tag", "reliability");
        Response sweepCreated = p.send("POST", "/api/sweeps", owner.token(), "application/json", Platform.json(sweep));
        require(sweepCreated, 201, 202);
        String sweepId = firstText(sweepCreated.json(), "sweep_id", "id");

        Response account = p.send("POST", "/api/pilot/accounts", owner.token(), "application/json",
                Platform.json(pilotAccount("DU" + (System.nanoTime() % 1_000_000))));
        require(account, 201);
        String accountId = firstText(account.json(), "id", "account_id");

        Response destination = p.send("PUT", "/api/alerts/destinations", owner.token(), "application/json",
                Platform.json(Map.of("email", owner.name() + "@example.com",
                        "push", Map.of("url", "https://hooks.example.com/" + owner.name(), "secret", Platform.WEBHOOK_SECRET))));
        require(destination, 200);

        Response replay = p.send("POST", "/api/replays", operator.token(), "application/json",
                Platform.json(Map.of("tickers", List.of("SPY"), "timeframes", List.of("1d"), "from", "2011-03-01",
                        "to", "2011-03-02", "speed", "max")));
        String replayId = replay.status() / 100 == 2 ? firstText(replay.json(), "id", "replay_id") : "rp_missing";
        Response imports = p.get("/api/imports", operator.token());
        String importId = "imp_missing";
        if (imports.status() == 200) {
            JsonNode list = imports.json().isArray() ? imports.json() : imports.json().path("imports");
            if (list.size() > 0) {
                importId = firstText(list.get(0), "id", "import_id");
            }
        }
        return new OwnerFixtures(owner, operator, modelId, sweepId, accountId, replayId, importId);
    }

    /** The seed's create-model request (section 2.1) under another model id. */
    static Map<String, Object> seedModel(String modelId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_id", modelId);
        m.put("pack_id", "swingsigma");
        m.put("name", "SPY Momentum Swing");
        m.put("description", "My SPY swing trading model using momentum strategy");
        m.put("instrument", "stocks");
        m.put("ticker", "SPY");
        m.put("strategy_id", "momentum_swing");
        m.put("risk_profile", "balanced");
        m.put("parameter_overrides", Map.of("rsi_period", 21, "stop_loss_pct", 6, "max_position_pct", 3));
        return m;
    }

    /** The README's live account with the suite's known broker password. */
    static Map<String, Object> pilotAccount(String brokerAccount) {
        return Map.of("broker", "fix", "account_id", brokerAccount,
                "connection", Map.of("host", "127.0.0.1", "port", 9, "sender_comp_id", "SIGMA", "target_comp_id", "BROKER"),
                "credentials", Map.of("password", Platform.BROKER_PASSWORD),
                "limits", Map.of("max_capital", 50000, "max_position_size", 1000, "max_open_positions", 3,
                        "daily_loss_limit", 500, "max_orders_per_minute", 10));
    }

    /** A value for a path parameter: the owner's resource where one exists, else an id nobody owns. */
    String pathValue(Endpoint e, String name) {
        String path = e.path();
        if (path.startsWith("/models/")) {
            return modelId;
        }
        if (path.startsWith("/sweeps/")) {
            return name.equals("comboId") ? "c_0" : sweepId;
        }
        if (path.startsWith("/pilot/accounts/")) {
            return pilotAccountId;
        }
        if (path.startsWith("/replays/")) {
            return replayId;
        }
        if (path.startsWith("/imports/")) {
            return importId;
        }
        if (path.startsWith("/packs/")) {
            return switch (name) {
                case "version" -> "1";
                case "file" -> "pack.yaml";
                default -> "swingsigma";
            };
        }
        if (path.startsWith("/bars/")) {
            return "SPY";
        }
        return "missing_" + name.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether {@code e}'s path names one of the owner's real resources. */
    boolean aimsAtOwnedResource(Endpoint e) {
        String path = e.path();
        return e.ownedByCaller() && !e.pathParameters().isEmpty()
                && (path.startsWith("/models/") || path.startsWith("/sweeps/") || path.startsWith("/pilot/accounts/"));
    }

    String expand(Endpoint e) {
        String path = e.gatewayPath();
        for (String name : e.pathParameters()) {
            path = path.replace("{" + name + "}", pathValue(e, name));
        }
        return path;
    }

    private static void require(Response r, int... statuses) {
        for (int s : statuses) {
            if (r.status() == s) {
                return;
            }
        }
        throw new IllegalStateException("fixture call failed: " + r);
    }

    private static String firstText(JsonNode node, String... names) {
        for (String n : names) {
            if (node.hasNonNull(n)) {
                return node.get(n).asString();
            }
        }
        for (JsonNode child : node) {
            if (child.isObject()) {
                for (String n : names) {
                    if (child.hasNonNull(n)) {
                        return child.get(n).asString();
                    }
                }
            }
        }
        throw new IllegalStateException("no " + String.join("/", names) + " in " + node);
    }
}
