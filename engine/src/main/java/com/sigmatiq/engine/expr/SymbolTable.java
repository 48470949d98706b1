package com.sigmatiq.engine.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Names an expression may refer to, each with a slot number ({@code 0..size-1}, in the order they
 * were added) and a type. Immutable and safe to share between threads.
 *
 * <p>Names are case-sensitive. A name that is not an identifier ({@code [A-Za-z_][A-Za-z0-9_]*}) or
 * that is a reserved word ({@code and or not true false increasing decreasing}, any case) may be
 * added but cannot be written in an expression.
 */
public final class SymbolTable {

    private final List<String> names;
    private final ValueType[] types;
    private final Map<String, Integer> slots;

    private SymbolTable(List<String> names, List<ValueType> types) {
        this.names = List.copyOf(names);
        this.types = types.toArray(new ValueType[0]);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < this.names.size(); i++) {
            m.put(this.names.get(i), i);
        }
        this.slots = Map.copyOf(m);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The slot of {@code name}, or -1 when the table does not know it. */
    public int slot(String name) {
        Integer s = slots.get(name);
        return s == null ? -1 : s;
    }

    public ValueType type(int slot) {
        return types[slot];
    }

    public String name(int slot) {
        return names.get(slot);
    }

    public int size() {
        return types.length;
    }

    /** All names, by slot. */
    public List<String> names() {
        return names;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SymbolTable[");
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names.get(i)).append(':').append(types[i] == ValueType.NUMBER ? "number" : "boolean");
        }
        return sb.append(']').toString();
    }

    /** Collects names; slots are given in the order of {@link #add}. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<ValueType> types = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();

        private Builder() {
        }

        /** Adds a name; a blank name is refused, and so is a name already added. */
        public Builder add(String name, ValueType type) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a symbol name must not be blank");
            }
            if (seen.putIfAbsent(name, names.size()) != null) {
                throw new IllegalArgumentException("duplicate symbol name '" + name + "'");
            }
            names.add(name);
            types.add(type);
            return this;
        }

        public SymbolTable build() {
            return new SymbolTable(names, types);
        }
    }
}
