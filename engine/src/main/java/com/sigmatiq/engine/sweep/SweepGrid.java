package com.sigmatiq.engine.sweep;

import com.sigmatiq.engine.strategy.ConfigException;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The combinations of a sweep (DESIGN section 5): the cartesian product of the parameters in the order
 * given, the last varying fastest, {@code combo_id} counting from 1. Every value is validated against
 * the base configuration when the grid is built; a combination is materialised only when asked for.
 */
public final class SweepGrid {

    private final StrategyConfig base;
    private final List<String> keys;
    private final List<List<Object>> values;
    private final long size;

    private SweepGrid(StrategyConfig base, List<String> keys, List<List<Object>> values, long size) {
        this.base = base;
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /**
     * @param parameters key → values, in the order the request gives them ({@code thresholds} is read as {@code threshold})
     * @throws ConfigException for an unknown key (listing the valid ones), an empty list or a bad value
     */
    public static SweepGrid of(StrategyConfig base, Map<String, ? extends List<?>> parameters) {
        List<String> keys = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        long size = 1;
        for (Map.Entry<String, ? extends List<?>> e : parameters.entrySet()) {
            String key = e.getKey().equals("thresholds") ? "threshold" : e.getKey();
            if (keys.contains(key)) {
                throw new ConfigException(e.getKey(), "parameter '" + key + "' is given twice", List.of());
            }
            List<?> list = e.getValue();
            if (list == null || list.isEmpty()) {
                throw new ConfigException(e.getKey(), "parameter '" + e.getKey() + "' needs at least one value", List.of());
            }
            for (int i = 0; i < list.size(); i++) {
                try {
                    base.with(key, list.get(i));
                } catch (ConfigException ex) {
                    if (!ex.validChoices().isEmpty()) {
                        throw ex;
                    }
                    throw new ConfigException(e.getKey(), e.getKey() + "[" + i + "]: " + ex.getMessage(), List.of());
                }
            }
            keys.add(key);
            values.add(List.copyOf(list));
            size = Math.multiplyExact(size, list.size());
        }
        return new SweepGrid(base, List.copyOf(keys), List.copyOf(values), size);
    }

    /** Number of combinations. */
    public long size() {
        return size;
    }

    public List<String> keys() {
        return keys;
    }

    public StrategyConfig base() {
        return base;
    }

    /** The swept values of combination {@code comboId} (1-based), by key in grid order: the seed's leaderboard {@code config}. */
    public Map<String, Object> values(long comboId) {
        int[] digits = digits(comboId);
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            m.put(keys.get(k), values.get(k).get(digits[k]));
        }
        return Collections.unmodifiableMap(m);
    }

    /** The value index of each key for combination {@code comboId} (1-based). */
    public int[] digits(long comboId) {
        if (comboId < 1 || comboId > size) {
            throw new IllegalArgumentException("combo_id " + comboId + " is outside 1.." + size);
        }
        long rest = comboId - 1;
        int[] d = new int[keys.size()];
        for (int k = keys.size() - 1; k >= 0; k--) {
            int radix = values.get(k).size();
            d[k] = (int) (rest % radix);
            rest /= radix;
        }
        return d;
    }

    /** Number of values of key {@code k}. */
    public int radix(int k) {
        return values.get(k).size();
    }

    /** The combo id (1-based) of a value index per key; the inverse of {@link #digits(long)}. */
    public long comboId(int[] digits) {
        long id = 0;
        for (int k = 0; k < keys.size(); k++) {
            id = id * values.get(k).size() + digits[k];
        }
        return id + 1;
    }

    /** The full configuration of combination {@code comboId}. */
    public StrategyConfig config(long comboId) {
        StrategyConfig c = base;
        for (Map.Entry<String, Object> e : values(comboId).entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    /**
     * A stable hash of a configuration: SHA-256 over the pack's content hash, the strategy and the
     * canonical key/value list, first 16 hex digits.
     */
    public static String configHash(StrategyConfig c) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(c.pack().contentHash().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            for (Map.Entry<String, Object> e : c.toMap().entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) '=');
                md.update(canonical(e.getValue()).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                sb.append(canonical(o)).append(',');
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }
}
