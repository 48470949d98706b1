package com.sigmatiq.reliability;

import com.sigmatiq.kit.web.testing.ProblemCheck;
import com.sigmatiq.kit.web.testing.RequestFuzzer;
import com.sigmatiq.reliability.ApiCatalog.Endpoint;
import com.sigmatiq.reliability.Platform.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input (issue 17): generated and mutated requests to every operation of the services' live OpenAPI
 * documents, through the gateway, as a user who owns real resources (the operator for operator paths). Mutations:
 * the kit's {@link RequestFuzzer} on a valid body (wrong types, nulls, NUL and odd Unicode, huge numbers and strings,
 * deep nesting, truncated and non-JSON bodies), hostile path and query values, path tricks ({@code ..}, encoded
 * slashes, {@code ;} parameters), wrong content types and methods, and oversized bodies. Checks: no 5xx; every 4xx
 * an RFC 9457 problem; a 400 caused by one body field, one query parameter or one path parameter (a value that
 * reaches the handler, not a URL refused as a whole) names a field; and nothing stored for a refused request (the
 * user's models, sweeps and live accounts change by exactly the creations and deletions that were answered 2xx; a
 * deleted fixture model is created again). Statuses are counted; {@code -1} counts
 * oversized bodies whose connection the gateway closed while the client was still sending.
 *
 * <p>Seeded and deterministic ({@code -Dreliability.seed}, default 17): 3,000 cases in the normal build, 100,000
 * with {@code -Dreliability.full=true}.
 */
@Order(2)
class PlatformFuzzTest {

    static final int SHORT_CASES = 3_000;
    private static final java.util.regex.Pattern SYNTAX_POSITION =
            java.util.regex.Pattern.compile("not valid JSON at line \\d+, column \\d+");
    static final int FULL_CASES = 100_000;

    private static final String[] SEGMENTS = {"..", ".", "%2e%2e", "%2E%2E%2F..", "a%2Fb", "%2F", "a%00b", "%00",
            "x".repeat(3000), "%E2%80%AE", "%F0%9F%92%A5", "%C3%A9%CC%81", "%ED%A0%80", "%FF", ";x=1", "a;b", "%3B",
            "%25", "%20", "%3F", "%23", "-1", "0", "99999999999999999999999", "null", "undefined", "1e400", "NaN",
            "' OR '1'='1", "%3Cscript%3E", "..%2F..%2Fetc%2Fpasswd", "~", "%5C..%5C", "%0D%0ASet-Cookie:x"};
    /**
     * The segments that make the URL itself unacceptable (dot segments, encoded slashes and backslashes, NUL, CR LF,
     * {@code %}, {@code ;}, bytes that are not UTF-8): the gateway or the service's firewall refuses the whole URL
     * with a 400 before any handler, so there is no field to name. Every other segment reaches the handler as the
     * parameter's value, and a 400 for it must name the parameter.
     */
    private static final java.util.Set<String> URL_LEVEL = java.util.Set.of("..", ".", "%2e%2e", "%2E%2E%2F..", "a%2Fb",
            "%2F", "a%00b", "%00", "%ED%A0%80", "%FF", ";x=1", "a;b", "%3B", "%25", "..%2F..%2Fetc%2Fpasswd", "%5C..%5C",
            "%0D%0ASet-Cookie:x");
    private static final String[] SUFFIXES = {"/..", "/../..", "/%2e%2e/", "//", "/.;/", "/..;/", "%2F..%2Fpacks",
            ";jsessionid=x", "/", "/%00", "/x/../", "/.%2e/", "/%252e%252e/"};
    private static final String[] QUERY_VALUES = {"", "abc", "-1", "0", "99999999999999999999", "1e400", "NaN",
            "2011-02-30", "9999-12-31T25:61:61Z", "%00", "a%00b", "%E2%80%AE", "x".repeat(5000), "true", "null",
            "%FF", "[]", "{}", ",,,", "%2F..%2F"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "multipart/form-data",
            "multipart/form-data; boundary=", "application/x-www-form-urlencoded", "application/json; charset=EBCDIC",
            "garbage", "application/yaml", "text/csv", "*/*"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"};

    /** One request and what was done to it. */
    record Case(int index, String description, String method, String path, String token, String contentType,
                byte[] body, String fieldMutated) {

        /** The mutation family: body, path, query, path trick, content type, method, nesting, body of, huge number. */
        String family() {
            for (String f : List.of("body:", "path trick", "path", "query", "content type", "method", "nesting",
                    "body of", "huge number")) {
                if (description.startsWith(f)) {
                    return f.equals("body:") ? "body" : f.equals("body of") ? "oversized body" : f;
                }
            }
            return description;
        }

        @Override
        public String toString() {
            return "#" + index + " " + method + " " + (path.length() > 160 ? path.substring(0, 160) + "…" : path)
                    + " (" + description + ")";
        }
    }

    @Test
    void hostileRequestsGiveNo5xxOnlyProblemsAndStoreNothingWhenRefused() {
        Platform p = Platform.get();
        List<Endpoint> endpoints = ApiCatalog.read(p).stream().filter(e -> !e.eventStream()).toList();
        OwnerFixtures owner = OwnerFixtures.create(p);
        boolean full = Boolean.getBoolean("reliability.full");
        long seed = Long.getLong("reliability.seed", 17L);
        int count = full ? FULL_CASES : SHORT_CASES;

        Map<String, Integer> before = resources(p, owner);
        Map<String, Integer> created = new TreeMap<>();
        Map<String, Integer> removed = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> families = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Generator generator = new Generator(endpoints, owner, seed);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (i > 0 && i % (count / 10) == 0) {
                System.out.printf("[fuzz]   %,d cases in %.0f s, %d failures%n", i, seconds(started), failures.size());
            }
            Case c = generator.next(i);
            families.merge(c.family(), 1, Integer::sum);
            Response r;
            try {
                r = p.send(c.method(), URI.create(p.gateway + c.path()), c.token(), c.contentType(), c.body(), Map.of());
            } catch (RuntimeException e) {
                if (c.description().startsWith("body of ")) {
                    // the gateway answers 413 from the length alone and closes: a client still sending megabytes may
                    // see the connection reset instead of the answer (LimitsTest checks the 413 itself)
                    statuses.merge(-1, 1, Integer::sum);
                } else {
                    failures.add(c + ": the request failed: " + e);
                }
                continue;
            }
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() >= 500) {
                failures.add(c + ": " + r);
            } else if (r.status() >= 400) {
                String why = ProblemCheck.why(r.status(), r.contentType(), r.body());
                if (why != null) {
                    failures.add(c + ": " + why);
                } else if (r.status() == 400 && c.fieldMutated() != null && !namesAField(r)) {
                    failures.add(c + ": a 400 for " + (c.fieldMutated().startsWith("query ") || c.fieldMutated().startsWith("path ")
                            ? "a parameter" : "a body field") + " that names no field: " + r);
                }
            } else if (r.status() / 100 == 2 && creation(c) != null) {
                created.merge(creation(c), 1, Integer::sum);
            } else if (r.status() / 100 == 2 && removal(c) != null) {
                removed.merge(removal(c), 1, Integer::sum);
                System.out.println("[fuzz]   removed by " + c + ": " + r.status());
                if (restoreTheOwnersModel(p, owner)) {
                    created.merge("models", 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> after = resources(p, owner);
        for (String kind : before.keySet()) {
            int grew = after.get(kind) - before.get(kind);
            int expected = created.getOrDefault(kind, 0) - removed.getOrDefault(kind, 0);
            if (grew != expected) {
                failures.add(kind + ": " + grew + " more stored but " + created.getOrDefault(kind, 0)
                        + " creations and " + removed.getOrDefault(kind, 0) + " deletions answered 2xx");
            }
        }
        System.out.printf("[fuzz] platform: %d cases (seed %d) in %.0f s, %d failures; statuses %s; created %s; deleted %s;"
                + " cases by mutation %s%n", count, seed, seconds(started), failures.size(), statuses, created, removed,
                families);
        failures.stream().limit(2_000).forEach(f -> System.out.println("[fuzz]   " + f));
        assertThat(failures).as("%d fuzz cases (seed %d); statuses %s", count, seed, statuses).isEmpty();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static boolean namesAField(Response r) {
        JsonNode problem = r.json();
        if (SYNTAX_POSITION.matcher(problem.path("detail").asString("")).find()) {
            return true; // the mutation made the body invalid JSON (a lone surrogate in a key): it names the position
        }
        for (JsonNode error : problem.path("errors")) {
            // a field of the request, or for a pack the file (and line) the engine found at fault
            if (!error.path("field").asString("").isBlank() || !error.path("file").asString("").isBlank()) {
                return true;
            }
        }
        return problem.hasNonNull("field");
    }

    /** Which of the user's lists a successful request adds to, or null. */
    static String creation(Case c) {
        if (!c.method().equals("POST")) {
            return null;
        }
        return switch (c.path().replaceAll("\\?.*", "")) {
            case "/api/models" -> "models";
            case "/api/sweeps" -> "sweeps";
            case "/api/pilot/accounts" -> "pilot accounts";
            default -> null;
        };
    }

    /**
     * Which of the user's lists a successful request takes one from, or null: only a model can be deleted, and a
     * {@code DELETE} answered 2xx anywhere under {@code /api/models/} deleted one (path tricks included).
     */
    static String removal(Case c) {
        return c.method().equals("DELETE") && c.path().startsWith("/api/models/") ? "models" : null;
    }

    /**
     * Creates the owner's model again (same id, same request) if a case deleted it, so that the rest of the run still
     * aims at a real model and its sweeps; returns whether it did.
     */
    private static boolean restoreTheOwnersModel(Platform p, OwnerFixtures owner) {
        if (p.get("/api/models/" + owner.modelId, owner.owner.token()).status() != 404) {
            return false;
        }
        Response again = p.send("POST", "/api/models", owner.owner.token(), "application/json",
                Platform.json(OwnerFixtures.seedModel(owner.modelId)));
        assertThat(again.status()).as("the owner's model created again: %s", again).isEqualTo(201);
        return true;
    }

    /** How many models, sweeps and live accounts the fuzzing user has. */
    private static Map<String, Integer> resources(Platform p, OwnerFixtures owner) {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("models", count(p.get("/api/models", owner.owner.token()), "models"));
        out.put("sweeps", count(p.get("/api/sweeps", owner.owner.token()), "sweeps"));
        out.put("pilot accounts", count(p.get("/api/pilot/accounts", owner.owner.token()), "accounts"));
        return out;
    }

    private static int count(Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        JsonNode list = body.isArray() ? body : body.path(field);
        assertThat(list.isArray()).as("a list in %s", r).isTrue();
        return list.size();
    }

    /** The seeded case generator. */
    static final class Generator {
        private final List<Endpoint> endpoints;
        private final OwnerFixtures owner;
        private final Random random;
        private final Map<Endpoint, List<RequestFuzzer.Case>> bodyCases = new LinkedHashMap<>();
        private final Map<Endpoint, Integer> bodyCursor = new LinkedHashMap<>();
        private final long seed;
        /** The query parameter the last {@code query(e, true)} made hostile. */
        private String hostileParameter;

        Generator(List<Endpoint> endpoints, OwnerFixtures owner, long seed) {
            this.endpoints = endpoints;
            this.owner = owner;
            this.random = new Random(seed);
            this.seed = seed;
        }

        Case next(int index) {
            Endpoint e = endpoints.get(random.nextInt(endpoints.size()));
            String token = e.role() != null ? owner.operator.token() : owner.owner.token();
            if (random.nextInt(50) == 0) {
                token = null;
            }
            String path = owner.expand(e);
            String query = query(e, false);
            byte[] body = validBody(e);
            String type = body == null ? null : "application/json";
            int kind = random.nextInt(100);
            if (kind < 45 && body != null) {
                RequestFuzzer.Case m = bodyCase(e);
                String field = m.description().startsWith("set /") || m.description().startsWith("remove /")
                        ? m.description() : null;
                return new Case(index, "body: " + m.description(), e.method(), path + query, token, type,
                        m.body().getBytes(StandardCharsets.UTF_8), field);
            }
            if (kind < 60 && !e.pathParameters().isEmpty()) {
                String name = e.pathParameters().get(random.nextInt(e.pathParameters().size()));
                String value = uriSafe(SEGMENTS[random.nextInt(SEGMENTS.length)]);
                String mutated = e.gatewayPath();
                for (String n : e.pathParameters()) {
                    mutated = mutated.replace("{" + n + "}", n.equals(name) ? value : owner.pathValue(e, n));
                }
                return new Case(index, "path " + name + "=" + cut(value), e.method(), mutated + query, token, type, body,
                        URL_LEVEL.contains(value) ? null : "path " + name);
            }
            if (kind < 72 && !e.queryParameters().isEmpty()) {
                String q = query(e, true);
                return new Case(index, "query " + hostileParameter, e.method(), path + q, token, type, body,
                        "query " + hostileParameter);
            }
            if (kind < 80) {
                String suffix = SUFFIXES[random.nextInt(SUFFIXES.length)];
                return new Case(index, "path trick " + suffix, e.method(), path + suffix + query, token, type, body, null);
            }
            if (kind < 87) {
                String ct = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
                byte[] b = body != null ? body : "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
                return new Case(index, "content type " + ct, e.method(), path + query, token, ct, b, null);
            }
            if (kind < 93) {
                String method = METHODS[random.nextInt(METHODS.length)];
                return new Case(index, "method " + method, method, path + query, token, type, body, null);
            }
            if (kind < 96) {
                int depth = 10_000 + random.nextInt(90_000);
                String deep = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                return new Case(index, "nesting " + depth, bodyMethod(e), path + query, token, "application/json",
                        deep.getBytes(StandardCharsets.UTF_8), null);
            }
            if (kind < 98) {
                int size = (2 + random.nextInt(6)) << 20;
                String big = "{\"model_id\":\"" + "x".repeat(size) + "\"}";
                return new Case(index, "body of " + (size >> 20) + " MiB", bodyMethod(e), path + query, token,
                        "application/json", big.getBytes(StandardCharsets.UTF_8), null);
            }
            String huge = "{\"n\":" + "9".repeat(100_000) + ",\"s\":\"" + "\\u0000".repeat(20_000) + "\"}";
            return new Case(index, "huge number and NUL string", bodyMethod(e), path + query, token, "application/json",
                    huge.getBytes(StandardCharsets.UTF_8), null);
        }

        private String bodyMethod(Endpoint e) {
            return e.method().equals("GET") || e.method().equals("DELETE") ? "POST" : e.method();
        }

        private RequestFuzzer.Case bodyCase(Endpoint e) {
            List<RequestFuzzer.Case> cases = bodyCases.computeIfAbsent(e, k -> RequestFuzzer.cases(
                    List.of(new String(validBody(k), StandardCharsets.UTF_8)), seed * 31 + endpoints.indexOf(k), 500));
            int at = bodyCursor.merge(e, 1, Integer::sum) - 1;
            return cases.get(at % cases.size());
        }

        private byte[] validBody(Endpoint e) {
            return switch (e.method() + " " + e.path()) {
                case "POST /models" -> Platform.json(OwnerFixtures.seedModel("fz_" + Long.toString(random.nextLong() & 0xffffff, 36)));
                case "POST /sweeps" -> Platform.json(Map.of("model_id", owner.modelId, "sweep_type", "custom",
                        "date_range", Map.of("start", "2011-03-01", "end", "2011-03-04"),
                        "parameters", Map.of("thresholds", List.of(0.5))));
                case "POST /pilot/accounts" -> Platform.json(OwnerFixtures.pilotAccount("FZ" + (random.nextInt(1_000_000))));
                default -> Samples.body(e);
            };
        }

        private String query(Endpoint e, boolean hostile) {
            List<JsonNode> params = e.queryParameters();
            if (params.isEmpty()) {
                return "";
            }
            StringBuilder q = new StringBuilder();
            int hostileAt = hostile ? random.nextInt(params.size()) : -1;
            hostileParameter = hostile ? params.get(hostileAt).get("name").asString() : null;
            for (int i = 0; i < params.size(); i++) {
                JsonNode param = params.get(i);
                boolean required = param.path("required").asBoolean(false);
                if (i != hostileAt && !required && random.nextBoolean()) {
                    continue;
                }
                String value = i == hostileAt ? uriSafe(QUERY_VALUES[random.nextInt(QUERY_VALUES.length)])
                        : URLEncoder.encode(Samples.value(e.document(), param.path("schema"), 0).asString("x"),
                        StandardCharsets.UTF_8);
                q.append(q.isEmpty() ? '?' : '&').append(param.get("name").asString()).append('=').append(value);
            }
            return q.toString();
        }

        /** Percent-encodes what a URI cannot carry as is, keeping the deliberate escapes ({@code %..}) as they are. */
        static String uriSafe(String s) {
            StringBuilder b = new StringBuilder();
            for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (x & 0xff);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~%;=:@!$()*+,".indexOf(c) >= 0) {
                    b.append(c);
                } else {
                    b.append('%').append(String.format("%02X", x & 0xff));
                }
            }
            return b.toString();
        }

        private static String cut(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
        }
    }
}
