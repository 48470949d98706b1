package com.sigmatiq.reliability;

import com.sigmatiq.reliability.ApiCatalog.Endpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/** Plausible values for a schema: its example, its first enum value, or a typed placeholder. */
final class Samples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Bodies the documents cannot describe well enough for a request to reach the ownership check. */
    private static final Map<String, String> KNOWN = Map.of(
            "PATCH /models/{id}/status", "{\"status\":\"swept\"}",
            "POST /pilot/accounts/{id}/kill-switch", "{\"engaged\":true}",
            "POST /pilot/kill-switch", "{\"engaged\":false}");

    private Samples() {
    }

    static byte[] body(Endpoint e) {
        String known = KNOWN.get(e.method() + " " + e.path());
        if (known != null) {
            return known.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (!e.bodyTypes().contains("application/json")) {
            return null;
        }
        return Platform.json(value(e.document(), e.bodySchema("application/json"), 0));
    }

    static JsonNode value(JsonNode document, JsonNode schema, int depth) {
        JsonNode s = ApiCatalog.resolve(document, schema);
        if (s == null || s.isMissingNode()) {
            return NODES.stringNode("x");
        }
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asString("object");
        return switch (type) {
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> NODES.stringNode(stringFor(s.path("format").asString("")));
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                if (depth < 4) {
                    a.add(value(document, s.get("items"), depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
                        o.set(p.getKey(), value(document, p.getValue(), depth + 1));
                    }
                }
                yield o;
            }
        };
    }

    private static String stringFor(String format) {
        return switch (format) {
            case "date" -> "2011-03-01";
            case "date-time" -> "2011-03-01T14:30:00Z";
            case "uuid" -> "00000000-0000-4000-8000-000000000000";
            default -> "x";
        };
    }
}
