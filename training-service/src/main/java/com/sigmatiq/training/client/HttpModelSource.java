package com.sigmatiq.training.client;

import com.sigmatiq.training.config.ServiceEndpoints;
import com.sigmatiq.training.domain.ModelSource;
import com.sigmatiq.training.domain.UpstreamUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * model-service ({@code GET /models/{id}}) and pack-service ({@code GET /packs/{id}/versions/{version}/files}) over
 * HTTP with the caller's bearer token.
 */
@Component
class HttpModelSource implements ModelSource {

    private final RestClient modelService;
    private final RestClient packService;
    private final JsonMapper json;

    HttpModelSource(RestClient.Builder builder, ServiceEndpoints endpoints, JsonMapper json) {
        this.modelService = builder.clone().baseUrl(endpoints.modelService().toString()).build();
        this.packService = builder.clone().baseUrl(endpoints.packService().toString()).build();
        this.json = json;
    }

    @Override
    public Optional<ModelInfo> model(String modelId, String token) {
        JsonNode m;
        try {
            m = modelService.get().uri("/models/{id}", modelId).headers(h -> h.setBearerAuth(token))
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw new UpstreamUnavailableException("model-service answered " + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("model-service cannot be reached: " + e.getMessage(), e);
        }
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(new ModelInfo(text(m, "id"), text(m, "pack_id"), text(m, "pack_version"), text(m, "ticker"),
                m.hasNonNull("timeframe") ? text(m, "timeframe") : "5m", text(m, "strategy_id"),
                list(m, "selected_indicators"), list(m, "selected_features"), text(m, "status")));
    }

    @Override
    public Map<String, String> packFiles(String packId, String version, String token) {
        try {
            JsonNode body = packService.get().uri("/packs/{id}/versions/{v}/files", packId, version)
                    .headers(h -> h.setBearerAuth(token)).retrieve().body(JsonNode.class);
            if (body == null || !body.hasNonNull("files")) {
                throw new UpstreamUnavailableException("pack-service sent no files for " + packId + " " + version, null);
            }
            return json.convertValue(body.get("files"), new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("pack " + packId + " " + version + " cannot be read from pack-service: "
                    + e.getMessage(), e);
        }
    }

    /** A list of strings; null when absent or empty (= all of the pack's). */
    private static List<String> list(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray() || v.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        v.forEach(x -> out.add(x.asString()));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
