package com.sigmatiq.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Turns {@code --set key=value} options into typed override values (numbers, booleans, lists, texts). */
final class Overrides {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Overrides() {
    }

    static Map<String, Object> parse(List<String> sets) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (sets == null) {
            return out;
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set takes key=value, not '" + s + "'");
            }
            out.put(s.substring(0, eq).trim(), value(s.substring(eq + 1).trim()));
        }
        return out;
    }

    static Object value(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        if (v.startsWith("[")) {
            try {
                return JSON.readValue(v, List.class);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cannot read the list '" + v + "' (write it like [9,10,11])");
            }
        }
        try {
            double d = Double.parseDouble(v);
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
