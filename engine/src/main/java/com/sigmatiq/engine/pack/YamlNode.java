package com.sigmatiq.engine.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML document as a tree that remembers where each node stands in its file (1-based line and column). */
sealed interface YamlNode {

    int line();

    int column();

    /** A short name of the node's kind for error messages ("a map", "a list", "a text", ...). */
    String describe();

    record Mapping(int line, int column, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = new LinkedHashMap<>(entries);
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A map entry: the key's own position and the value. */
    record Entry(String key, int line, int column, YamlNode value) {
    }

    record Sequence(int line, int column, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar value.
     *
     * @param kind     {@code STRING}, {@code INTEGER}, {@code NUMBER}, {@code BOOLEAN} or {@code NULL}
     * @param text     the value as written (unquoted)
     * @param contentColumn the column of the value's first character inside any quotes
     */
    record Scalar(int line, int column, Kind kind, String text, int contentColumn) implements YamlNode {
        enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "the text '" + text + "'";
                case INTEGER, NUMBER -> "the number " + text;
                case BOOLEAN -> "the boolean " + text;
                case NULL -> "nothing";
            };
        }
    }
}
