package com.sigmatiq.kit.web.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates bad request bodies from valid seed requests, deterministically for a given seed: values replaced by
 * {@code null}, the wrong type, huge or tiny numbers, odd Unicode (NUL, lone surrogates, bidi overrides, zero-width
 * and combining characters, very long strings), ids that walk paths ({@code ../x}, {@code a/b}); {@code null} and
 * wrong items inside lists; fields removed or added; and whole bodies that are empty, truncated, not JSON or nested
 * too deep. Most cases are refused; some stay valid, which is fine: the checks are about how a refusal looks.
 */
public final class RequestFuzzer {

    /** One generated request body and what was done to the seed. */
    public record Case(int index, String description, String body) {
        @Override
        public String toString() {
            return "#" + index + " " + description;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Non-ASCII written as escapes, so lone surrogates travel as valid JSON text. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final String[] STRINGS = {
            "", " ", "\u0000", "a\u0000b", "\ud800", "x\udfffy", "\uD83D\uDCA5", "\u202eevil", "zero\u200bwidth",
            "e\u0301\u0301\u0301", "\uffff", "\t\n\r", "x".repeat(5000), "../../etc/passwd", "../x", "a/b", "..", ".",
            "%2e%2e%2f", "a%00b", "' OR '1'='1", "<script>alert(1)</script>", "NaN", "Infinity", "-0", "1e400",
            "2011-02-30", "9999-12-31", "0000-00-00", "SPY", "null", "true"};

    private static final String[] KEYS = {"x", "\u0000", "a\u0000b", "", "__proto__", "model_id ", "k".repeat(300), "\ud800"};

    private static final String[] BODIES = {"", " ", "null", "[]", "{}", "{", "}", "\"text\"", "123", "[1,2]", "{\"a\":}",
            "{\"a\" 1}", "{'a': 1}", "\u0000", "{\"a\":1}{\"b\":2}", "[" + "[".repeat(1500) + "]".repeat(1501)};

    private final List<JsonNode> seeds;
    private final Random random;

    private RequestFuzzer(List<String> seedBodies, long seed) {
        this.seeds = seedBodies.stream().map(JSON::readTree).toList();
        this.random = new Random(seed);
    }

    /** {@code count} cases from the seeds (JSON objects), the same for the same {@code seed}. */
    public static List<Case> cases(List<String> seedBodies, long seed, int count) {
        RequestFuzzer f = new RequestFuzzer(seedBodies, seed);
        List<Case> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(f.next(i));
        }
        return out;
    }

    private Case next(int index) {
        JsonNode seed = seeds.get(random.nextInt(seeds.size()));
        int kind = random.nextInt(100);
        if (kind < 6) {
            String body = BODIES[random.nextInt(BODIES.length)];
            return new Case(index, "body " + printable(body), body);
        }
        if (kind < 12) {
            String text = JSON.writeValueAsString(seed);
            int cut = random.nextInt(Math.max(1, text.length() - 1)) + 1;
            if (random.nextBoolean()) {
                return new Case(index, "seed truncated at " + cut, text.substring(0, cut));
            }
            char c = "{}[]\",:\\0x\u0000 ".charAt(random.nextInt(12));
            return new Case(index, "seed with '" + printable(String.valueOf(c)) + "' at " + cut,
                    text.substring(0, cut - 1) + c + text.substring(cut));
        }
        JsonNode body = seed.deepCopy();
        int mutations = kind < 80 ? 1 : 2 + random.nextInt(2);
        List<String> done = new ArrayList<>();
        for (int m = 0; m < mutations; m++) {
            done.add(mutate(body));
        }
        return new Case(index, String.join("; ", done), JSON.writeValueAsString(body));
    }

    /** One change at a random place of {@code body}; says what it did. */
    private String mutate(JsonNode body) {
        List<Slot> slots = new ArrayList<>();
        collect(body, "", slots);
        if (slots.isEmpty()) {
            return "nothing to change";
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        int op = random.nextInt(100);
        if (slot.parent instanceof ArrayNode array && op < 25) {
            int at = random.nextInt(array.size() + 1);
            JsonNode item = random.nextBoolean() ? NODES.nullNode() : value();
            array.insert(at, item);
            return "insert " + printable(item.toString()) + " into " + slot.arrayPath() + " at " + at;
        }
        if (slot.parent instanceof ObjectNode object && op < 15) {
            object.remove(slot.name);
            return "remove " + slot.path;
        }
        if (slot.parent instanceof ObjectNode object && op < 25) {
            String key = KEYS[random.nextInt(KEYS.length)];
            JsonNode v = value();
            object.set(key, v);
            return "add " + printable(slot.parentPath() + "/" + key) + " = " + printable(v.toString());
        }
        JsonNode v = value();
        slot.set(v);
        return "set " + slot.path + " = " + printable(v.toString());
    }

    private JsonNode value() {
        int k = random.nextInt(100);
        if (k < 12) {
            return NODES.nullNode();
        }
        if (k < 55) {
            return NODES.stringNode(STRINGS[random.nextInt(STRINGS.length)]);
        }
        if (k < 80) {
            return switch (random.nextInt(11)) {
                case 0 -> NODES.numberNode(0);
                case 1 -> NODES.numberNode(-1);
                case 2 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
                case 3 -> NODES.numberNode(new BigInteger("9223372036854775808"));
                case 4 -> NODES.numberNode(new BigInteger("-123456789012345678901234567890"));
                case 5 -> NODES.numberNode(new BigDecimal("1e400"));
                case 6 -> NODES.numberNode(new BigDecimal("-1e400"));
                case 7 -> NODES.numberNode(new BigDecimal("1e-400"));
                case 8 -> NODES.numberNode(1e308);
                case 9 -> NODES.numberNode(0.5);
                default -> NODES.numberNode(-1e308);
            };
        }
        if (k < 87) {
            return NODES.booleanNode(random.nextBoolean());
        }
        if (k < 94) {
            ArrayNode a = NODES.arrayNode();
            int n = random.nextInt(3);
            for (int i = 0; i < n; i++) {
                a.add(random.nextBoolean() ? NODES.nullNode() : NODES.stringNode(STRINGS[random.nextInt(STRINGS.length)]));
            }
            return a;
        }
        ObjectNode o = NODES.objectNode();
        o.set(KEYS[random.nextInt(KEYS.length)], random.nextBoolean() ? NODES.nullNode() : NODES.numberNode(1));
        return o;
    }

    /** A place in the tree that can be replaced: a field of an object or an item of an array. */
    private record Slot(JsonNode parent, String name, int index, String path) {

        void set(JsonNode v) {
            if (parent instanceof ObjectNode o) {
                o.set(name, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        String parentPath() {
            int cut = path.lastIndexOf('/');
            return cut <= 0 ? "" : path.substring(0, cut);
        }

        String arrayPath() {
            return parentPath().isEmpty() ? "/" : parentPath();
        }
    }

    private static void collect(JsonNode node, String path, List<Slot> out) {
        if (node instanceof ObjectNode o) {
            for (String name : new ArrayList<>(o.propertyNames())) {
                String p = path + "/" + name;
                out.add(new Slot(o, name, -1, p));
                collect(o.get(name), p, out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                String p = path + "/" + i;
                out.add(new Slot(a, null, i, p));
                collect(a.get(i), p, out);
            }
        }
    }

    /** For descriptions: control, surrogate and non-ASCII characters as escapes, long text cut. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return s.length() > 60 ? b + "...(" + s.length() + " chars)" : b.toString();
    }
}
