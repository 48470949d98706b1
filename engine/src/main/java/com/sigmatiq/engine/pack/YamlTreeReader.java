package com.sigmatiq.engine.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/** Reads YAML text into a {@link YamlNode} tree with positions, using Jackson's streaming YAML parser. */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTreeReader() {
    }

    /** The document's root node, or null for an empty document; problems are added to {@code errors}. */
    static YamlNode read(String file, String text, List<PackError> errors) {
        String[] lines = text.split("\n", -1);
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            return node(p, t, file, lines, errors);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            errors.add(new PackError(file, loc == null ? 0 : Math.max(loc.getLineNr(), 0), loc == null ? 0 : Math.max(loc.getColumnNr(), 0),
                    "not valid YAML: " + (msg == null ? e.getClass().getSimpleName() : msg.lines().findFirst().orElse(msg))));
            return null;
        }
    }

    private static YamlNode node(JsonParser p, JsonToken t, String file, String[] lines, List<PackError> errors) {
        TokenStreamLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    TokenStreamLocation kl = p.currentTokenLocation();
                    YamlNode value = node(p, p.nextToken(), file, lines, errors);
                    if (entries.containsKey(key)) {
                        YamlNode.Entry first = entries.get(key);
                        errors.add(new PackError(file, kl.getLineNr(), kl.getColumnNr(),
                                "duplicate key '" + key + "' (first at line " + first.line() + ")"));
                    } else {
                        entries.put(key, new YamlNode.Entry(key, kl.getLineNr(), kl.getColumnNr(), value));
                    }
                }
                return new YamlNode.Mapping(line, col, entries);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(node(p, i, file, lines, errors));
                }
                return new YamlNode.Sequence(line, col, items);
            }
            default: {
                YamlNode.Scalar.Kind kind = switch (t) {
                    case VALUE_NUMBER_INT -> YamlNode.Scalar.Kind.INTEGER;
                    case VALUE_NUMBER_FLOAT -> YamlNode.Scalar.Kind.NUMBER;
                    case VALUE_TRUE, VALUE_FALSE -> YamlNode.Scalar.Kind.BOOLEAN;
                    case VALUE_NULL -> YamlNode.Scalar.Kind.NULL;
                    default -> YamlNode.Scalar.Kind.STRING;
                };
                String text = kind == YamlNode.Scalar.Kind.NULL ? "" : p.getText();
                int content = col;
                if (line >= 1 && line <= lines.length && col >= 1 && col <= lines[line - 1].length()) {
                    char c = lines[line - 1].charAt(col - 1);
                    if (c == '"' || c == '\'') {
                        content = col + 1;
                    }
                }
                return new YamlNode.Scalar(line, col, kind, text, content);
            }
        }
    }
}
