package com.sigmatiq.reliability;

import com.sigmatiq.kit.web.testing.ProblemCheck;
import com.sigmatiq.reliability.Platform.Response;
import com.sigmatiq.reliability.Platform.User;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile uploads (issue 17): packs (YAML bombs, deep anchors and nesting, huge files, hostile tags, expressions nested
 * far too deep or far too long) as JSON and multipart, and CSV bar imports, through the gateway. Fixed hostile cases
 * first, then seeded random damage to the seed pack's files and a real CSV file. No 5xx, every refusal a problem
 * (a pack refusal naming file and line); packs stored at most as many as were accepted, every accepted import reads
 * back, and a refused import's ticker (one per case) has no series.
 */
@Order(3)
class UploadFuzzTest {

    static final String[] PACK_FILES = {"pack.yaml", "indicators.yaml", "features.yaml", "strategies.yaml",
            "gates.yaml", "policies.yaml"};

    private static final String LAUGHS;

    static {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                b.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            b.append("]\n");
        }
        LAUGHS = b.toString();
    }

    @Test
    void hostilePacksAreRefusedWithProblemsAndStoreNothing() {
        Platform p = Platform.get();
        User user = p.register("packer");
        Map<String, String> seed = seedPack();
        int packsBefore = packCount(p, user);
        boolean full = Boolean.getBoolean("reliability.full");
        Random random = new Random(Long.getLong("reliability.seed", 17L));

        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("billion laughs in pack.yaml", with(seed, "pack.yaml", seed.get("pack.yaml") + "\n" + LAUGHS));
        cases.put("billion laughs as the whole strategies.yaml", with(seed, "strategies.yaml", LAUGHS + "strategies: *j\n"));
        cases.put("a chain of 10,000 anchors", with(seed, "gates.yaml", anchorChain(10_000)));
        cases.put("nesting 100,000 deep", with(seed, "indicators.yaml", "indicators: " + "[".repeat(100_000) + "]".repeat(100_000)));
        cases.put("block nesting 2,000 deep", with(seed, "features.yaml", blockNesting(2_000)));
        cases.put("a 3 MiB pack.yaml", with(seed, "pack.yaml", seed.get("pack.yaml") + "\n# " + "x".repeat(3 << 20)));
        cases.put("seven files of 1 MiB", sevenBigFiles(seed));
        cases.put("a java type tag", with(seed, "pack.yaml", "!!java.lang.ProcessBuilder [[\"sh\"]]\n" + seed.get("pack.yaml")));
        cases.put("a python tag", with(seed, "policies.yaml", "x: !!python/object/apply:os.system [\"id\"]\n"));
        cases.put("expression nested 100,000 deep", expression(seed, "(".repeat(100_000) + "rsi" + ")".repeat(100_000)));
        cases.put("expression nested 65 deep", expression(seed, "(".repeat(65) + "rsi" + ")".repeat(65) + " > 1"));
        cases.put("expression of 200,000 terms", expression(seed, "rsi" + " + rsi".repeat(200_000) + " > 1"));
        cases.put("expression with NUL", expression(seed, "rsi \u0000> 50"));
        cases.put("expression with unary chain", expression(seed, "-".repeat(100_000) + "rsi > 1"));
        cases.put("expression calling itself", expression(seed, "f(".repeat(5_000) + "rsi" + ")".repeat(5_000) + " > 1"));
        cases.put("number 1e400", with(seed, "gates.yaml", seed.get("gates.yaml").replaceFirst("\\d+(\\.\\d+)?", "1e400")));
        cases.put("number of 100,000 digits", with(seed, "gates.yaml", seed.get("gates.yaml").replaceFirst("\\d+(\\.\\d+)?", "9".repeat(100_000))));
        cases.put("NUL in a key", with(seed, "pack.yaml", "\"a\\0b\": 1\n" + seed.get("pack.yaml")));
        cases.put("a file named ../../etc/passwd", with(seed, "../../etc/passwd", "x: 1"));
        cases.put("no files", new TreeMap<>());
        cases.put("lone surrogate", with(seed, "pack.yaml", seed.get("pack.yaml") + "\nx: \"\\ud800\"\n"));
        cases.put("tabs and a BOM", with(seed, "pack.yaml", "\ufeff\t" + seed.get("pack.yaml")));

        int random_cases = full ? 2_000 : 150;
        for (int i = 0; i < random_cases; i++) {
            String file = PACK_FILES[random.nextInt(PACK_FILES.length)];
            cases.put("random #" + i + " in " + file, with(seed, file, damage(seed.get(file), random)));
        }

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int accepted = 0;
        int n = 0;
        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            boolean multipart = n++ % 2 == 1;
            Response r = multipart
                    ? p.send("POST", URI.create(p.gateway + "/api/packs"), user.token(), Multipart.TYPE,
                    Multipart.of(c.getValue()), Map.of())
                    : p.send("POST", "/api/packs", user.token(), "application/json", Platform.json(Map.of("files", c.getValue())));
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() / 100 == 2) {
                accepted++;
            }
            check(failures, c.getKey() + (multipart ? " (multipart)" : " (json)"), r);
        }
        int grew = packCount(p, user) - packsBefore;
        System.out.printf("[fuzz] packs: %d uploads, %d failures; statuses %s%n", cases.size(), failures.size(), statuses);
        failures.forEach(f -> System.out.println("[fuzz]   " + f));
        assertThat(failures).isEmpty();
        assertThat(grew).as("packs stored (versions of accepted uploads)").isLessThanOrEqualTo(accepted);
    }

    @Test
    void hostileCsvImportsAreRefusedWithProblemsAndStoreNothing() throws IOException {
        Platform p = Platform.get();
        User operator = p.operator();
        Random random = new Random(Long.getLong("reliability.seed", 17L) + 1);
        String csv = Files.readString(Platform.repositoryRoot().resolve("data/market/AAPL_daily_2012-01-03_2014-12-31_with_divs_splits.csv"))
                .lines().limit(200).reduce((a, b) -> a + "\n" + b).orElseThrow();

        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("empty", new byte[0]);
        cases.put("header only", "date,open,high,low,close,volume\n".getBytes(StandardCharsets.UTF_8));
        cases.put("NUL bytes", (csv + "\n\u0000\u0000\u0000").getBytes(StandardCharsets.UTF_8));
        cases.put("invalid UTF-8", concat(csv.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, (byte) 0xfe, 0x0a}));
        cases.put("a 5 MiB line", (csv + "\n2015-01-02," + "9".repeat(5 << 20) + ",1,1,1,1,0,1").getBytes(StandardCharsets.UTF_8));
        cases.put("numbers 1e400 and NaN", (csv + "\n2015-01-02,1e400,NaN,-Infinity,1,1,0,1").getBytes(StandardCharsets.UTF_8));
        cases.put("a million commas", (csv + "\n" + ",".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8));
        cases.put("quotes never closed", (csv + "\n\"2015-01-02,1,1,1,1,1,0,1").getBytes(StandardCharsets.UTF_8));
        cases.put("dates out of range", (csv + "\n-999999999-01-01,1,1,1,1,1,0,1\n+999999999-12-31,1,1,1,1,1,0,1").getBytes(StandardCharsets.UTF_8));
        cases.put("binary", randomBytes(random, 4096));
        int randomCases = Boolean.getBoolean("reliability.full") ? 1_000 : 60;
        for (int i = 0; i < randomCases; i++) {
            cases.put("random #" + i, damage(csv, random).getBytes(StandardCharsets.UTF_8));
        }

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> acceptedIds = new ArrayList<>();
        List<String> refusedTickers = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            String ticker = "ZF" + letters(n++); // one ticker per case: a refused case's ticker must have no bars
            String query = "?ticker=" + ticker + "&timeframe=1d" + (random.nextInt(8) == 0 ? "&mode=%00" : "");
            Response r = p.send("POST", URI.create(p.gateway + "/api/imports" + query), operator.token(), Multipart.TYPE,
                    Multipart.file("file", "fuzz.csv", c.getValue()), Map.of());
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() == 201) {
                acceptedIds.add(r.json().path("import_id").asString());
            } else if (r.status() >= 400) {
                refusedTickers.add(ticker);
            }
            check(failures, "csv " + c.getKey(), r);
        }
        for (String id : acceptedIds) {
            Response stored = p.get("/api/imports/" + id, operator.token());
            if (stored.status() != 200) {
                failures.add("accepted import " + id + " does not read back: " + stored);
            }
        }
        Response series = p.get("/api/series", operator.token());
        assertThat(series.status()).as(series.toString()).isEqualTo(200);
        for (JsonNode s : series.json()) {
            if (refusedTickers.contains(s.path("ticker").asString())) {
                failures.add("refused import of " + s.path("ticker").asString() + " stored a series: " + s);
            }
        }
        System.out.printf("[fuzz] csv imports: %d uploads, %d failures; statuses %s%n", cases.size(), failures.size(), statuses);
        failures.forEach(f -> System.out.println("[fuzz]   " + f));
        assertThat(failures).isEmpty();
        assertThat(acceptedIds).as("some damaged files still import (their good rows)").isNotEmpty();
    }

    private static String letters(int n) {
        StringBuilder b = new StringBuilder();
        do {
            b.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return b.toString();
    }

    private static void check(List<String> failures, String label, Response r) {
        if (r.status() >= 500) {
            failures.add(label + ": " + r);
        } else if (r.status() >= 400) {
            String why = ProblemCheck.why(r.status(), r.contentType(), r.body());
            if (why != null) {
                failures.add(label + ": " + why);
            }
        }
    }

    private static int packCount(Platform p, User user) {
        Response r = p.get("/api/packs", user.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        JsonNode list = body.isArray() ? body : body.path("packs");
        int versions = 0;
        for (JsonNode pack : list) {
            versions += Math.max(1, pack.path("latest_version").asInt(1));
        }
        return versions;
    }

    static Map<String, String> seedPack() {
        Map<String, String> files = new TreeMap<>();
        Path dir = Platform.repositoryRoot().resolve("packs/swingsigma");
        for (String f : PACK_FILES) {
            try {
                files.put(f, Files.readString(dir.resolve(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.put("pack.yaml", files.get("pack.yaml").replaceFirst("(?m)^(\\s*id:\\s*)\"?swingsigma\"?", "$1\"fuzzpack\""));
        return files;
    }

    private static Map<String, String> with(Map<String, String> seed, String file, String text) {
        Map<String, String> out = new TreeMap<>(seed);
        out.put(file, text);
        return out;
    }

    private static Map<String, String> expression(Map<String, String> seed, String expression) {
        return with(seed, "strategies.yaml", seed.get("strategies.yaml").replace("\"adx > 25\"",
                "\"" + expression.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\0") + "\""));
    }

    private static Map<String, String> sevenBigFiles(Map<String, String> seed) {
        Map<String, String> out = new TreeMap<>(seed);
        for (String f : PACK_FILES) {
            out.put(f, seed.get(f) + "\n# " + "y".repeat(1 << 20));
        }
        out.put("extra.yaml", "# " + "z".repeat(1 << 20));
        return out;
    }

    private static String anchorChain(int n) {
        StringBuilder b = new StringBuilder("a0: &a0 [1]\n");
        for (int i = 1; i < n; i++) {
            b.append('a').append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        return b.toString();
    }

    private static String blockNesting(int depth) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append("  ".repeat(i)).append("k:\n");
        }
        return b.append("  ".repeat(depth)).append("v\n").toString();
    }

    private static final String[] DAMAGE = {"\u0000", "\ud800", "\u202e", "&a", "*a", "*missing", "!!binary", "!!str",
            "<<: *a", "? ", "- ", ": ", "\"", "'", "{", "[", "]", "}", "|", ">", "#", "%YAML 1.1\n---\n", "---\n", "...\n",
            "\t", "1e400", "9".repeat(500), "\n", "(", ")", "AND", "OR", "==", ",", "\uFEFF", "~", "null", "\\"};

    /** Inserts, deletes or repeats a few random pieces of {@code text}. */
    static String damage(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = b.isEmpty() ? 0 : random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.insert(at, DAMAGE[random.nextInt(DAMAGE.length)]);
                case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(20)));
                case 2 -> {
                    int end = Math.min(b.length(), at + 1 + random.nextInt(40));
                    String piece = b.substring(at, end);
                    b.insert(at, piece.repeat(1 + random.nextInt(50)));
                }
                default -> b.setCharAt(Math.min(at, Math.max(0, b.length() - 1)), (char) random.nextInt(0x3000));
            }
        }
        return b.toString();
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A multipart/form-data body with a fixed boundary. */
    static final class Multipart {
        static final String BOUNDARY = "sigmatiq-reliability-boundary";
        static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

        static byte[] of(Map<String, String> files) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            files.forEach((name, text) -> part(out, name, name, text.getBytes(StandardCharsets.UTF_8)));
            out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        static byte[] file(String field, String filename, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            part(out, field, filename, content);
            out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        private static void part(ByteArrayOutputStream out, String field, String filename, byte[] content) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
    }
}
