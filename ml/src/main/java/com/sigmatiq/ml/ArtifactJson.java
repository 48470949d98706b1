package com.sigmatiq.ml;

import com.sigmatiq.engine.training.FeatureSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON artifacts of a trained model: written in a fixed field order, so equal content gives equal bytes. */
final class ArtifactJson {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ArtifactJson() {
    }

    static byte[] write(Object value) {
        Object tree = value instanceof FeatureSchema s ? schemaMap(s)
                : value instanceof PlattCalibration c ? calibrationMap(c) : value;
        return JSON.writeValueAsBytes(tree);
    }

    static Map<String, Object> schemaMap(FeatureSchema s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("names", s.names());
        m.put("pack_id", s.packId());
        m.put("pack_version", s.packVersion());
        m.put("strategy_id", s.strategyId());
        m.put("configuration", s.configuration());
        return m;
    }

    private static Map<String, Object> calibrationMap(PlattCalibration c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", c.method().label());
        m.put("a", c.a());
        m.put("b", c.b());
        m.put("formula", "p = 1 / (1 + exp(a * margin + b))");
        return m;
    }

    @SuppressWarnings("unchecked")
    static FeatureSchema readSchema(byte[] bytes) {
        Map<String, Object> m = read(bytes, TrainedModel.FEATURE_SCHEMA);
        try {
            return new FeatureSchema((List<String>) m.get("names"), (String) m.get("pack_id"), (String) m.get("pack_version"),
                    (String) m.get("strategy_id"), (Map<String, Object>) m.getOrDefault("configuration", Map.of()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(TrainedModel.FEATURE_SCHEMA + " is not a feature schema: " + e.getMessage(), e);
        }
    }

    static PlattCalibration readCalibration(byte[] bytes) {
        Map<String, Object> m = read(bytes, TrainedModel.CALIBRATION);
        try {
            return new PlattCalibration(TrainingSettings.Calibration.valueOf(((String) m.get("method")).toUpperCase(Locale.ROOT)),
                    ((Number) m.get("a")).doubleValue(), ((Number) m.get("b")).doubleValue());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(TrainedModel.CALIBRATION + " is not a calibration: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> read(byte[] bytes, String name) {
        try {
            return JSON.readValue(bytes, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JacksonException e) {
            throw new IllegalArgumentException(name + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
