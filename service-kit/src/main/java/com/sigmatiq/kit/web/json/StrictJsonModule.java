package com.sigmatiq.kit.web.json;

import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses the NUL character ({@code \u0000}) anywhere in what a request body deserializes to: string values (in
 * fields, lists, arrays and maps), map keys, and the strings and keys inside untyped values ({@code Object},
 * {@code Map<String, Object>}) and JSON trees; and {@code null} items inside untyped values and trees (typed lists
 * and maps refuse them through the content-null setting the kit adds beside this module). The failure is a
 * {@link StrictJsonException} naming the JSON path ({@code tag}, {@code tickers[1]}, {@code parameters.x[0]}),
 * which the kit answers 400.
 */
public final class StrictJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public StrictJsonModule() {
        super("sigmatiq-strict-json");
        setDeserializerModifier(new NulRefusing());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Trees());
    }

    /** JSON trees ({@code JsonNode} fields and bodies) are built without the deserializer modifier: wrapped here. */
    private static final class Trees extends Deserializers.Base {

        @Override
        public ValueDeserializer<?> findTreeNodeDeserializer(JavaType type, DeserializationConfig config,
                                                             BeanDescription.Supplier beanDesc) {
            return new TreeCheck(JsonNodeDeserializer.getDeserializer(type.getRawClass()));
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return JsonNode.class.isAssignableFrom(valueType);
        }
    }

    private static final class NulRefusing extends ValueDeserializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                                                       ValueDeserializer<?> deserializer) {
            Class<?> type = beanDesc.getBeanClass();
            if (type == String.class) {
                return new StringCheck(deserializer);
            }
            if (type == Object.class) {
                return new TreeCheck(deserializer);
            }
            return deserializer;
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type, KeyDeserializer deserializer) {
            if (!type.hasRawClass(String.class) && !type.hasRawClass(Object.class)) {
                return deserializer;
            }
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext ctxt) {
                    if (key != null && key.indexOf('\0') >= 0) {
                        JsonParser p = ctxt.getParser();
                        throw new NulCharacterException(p, JsonPaths.of(p.streamReadContext(), false));
                    }
                    return deserializer.deserializeKey(key, ctxt);
                }
            };
        }
    }

    /** A string value: checked where it stands (the parser's context is its path). */
    private static final class StringCheck extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        StringCheck(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new StringCheck(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String s = p.getString();
                if (s.indexOf('\0') >= 0) {
                    throw new NulCharacterException(p, JsonPaths.of(p.streamReadContext(), false));
                }
            }
            return _delegatee.deserialize(p, ctxt);
        }
    }

    /**
     * An untyped value or a JSON tree: strings inside it may already be checked by {@link StringCheck}, but keys of
     * nested objects and null items are read directly, so the result is walked once.
     */
    private static final class TreeCheck extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        TreeCheck(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TreeCheck(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken t = p.currentToken();
            String base = JsonPaths.of(p.streamReadContext(), t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY);
            Object value = _delegatee.deserialize(p, ctxt);
            check(p, value, base);
            return value;
        }

        /** Refuses the first string or key with a NUL, or null item, inside {@code value}. */
        private static void check(JsonParser p, Object value, String at) {
            if (value instanceof String s) {
                nul(p, s, at);
            } else if (value instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    String here = JsonPaths.join(at, key);
                    nul(p, key, here);
                    item(p, e.getValue(), here);
                }
            } else if (value instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    item(p, l.get(i), at + "[" + i + "]");
                }
            } else if (value instanceof JsonNode n) {
                if (n.isString()) {
                    nul(p, n.asString(), at);
                } else if (n.isObject()) {
                    for (Map.Entry<String, JsonNode> e : n.properties()) {
                        String here = JsonPaths.join(at, e.getKey());
                        nul(p, e.getKey(), here);
                        item(p, e.getValue(), here);
                    }
                } else if (n.isArray()) {
                    for (int i = 0; i < n.size(); i++) {
                        item(p, n.get(i), at + "[" + i + "]");
                    }
                }
            }
        }

        private static void item(JsonParser p, Object value, String at) {
            if (value == null || value instanceof JsonNode n && n.isNull()) {
                throw new NullItemException(p, at);
            }
            check(p, value, at);
        }

        private static void nul(JsonParser p, String s, String at) {
            if (s.indexOf('\0') >= 0) {
                throw new NulCharacterException(p, at);
            }
        }
    }
}
