package com.sigmatiq.training.client;

import com.sigmatiq.training.config.ServiceEndpoints;
import com.sigmatiq.training.domain.SweepSource;
import com.sigmatiq.training.domain.UpstreamUnavailableException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
 * sweep-service over HTTP with the caller's token: {@code GET /sweeps/{id}}, {@code GET /sweeps?model_id=&status=completed}
 * (newest first) and {@code GET /sweeps/{id}/results/{comboId}} (the combination's {@code config},
 * {@code effective_config} and {@code metrics.sharpe_ratio}).
 */
@Component
class HttpSweepSource implements SweepSource {

    private final RestClient rest;
    private final JsonMapper json;

    HttpSweepSource(RestClient.Builder builder, ServiceEndpoints endpoints, JsonMapper json) {
        this.rest = builder.clone().baseUrl(endpoints.sweepService().toString()).build();
        this.json = json;
    }

    @Override
    public Optional<SweepInfo> sweep(String sweepId, String token) {
        return get(token, "/sweeps/{id}", sweepId).map(HttpSweepSource::info);
    }

    @Override
    public Optional<SweepInfo> latestCompleted(String modelId, String token) {
        JsonNode list;
        try {
            list = rest.get().uri(u -> u.path("/sweeps").queryParam("model_id", modelId).queryParam("status", "completed").build())
                    .headers(h -> h.setBearerAuth(token)).accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("sweep-service cannot list the sweeps of " + modelId + ": " + e.getMessage(), e);
        }
        if (list == null || !list.path("sweeps").isArray() || list.path("sweeps").isEmpty()) {
            return Optional.empty();
        }
        // newest first; the summary may lack total_combinations, so read the sweep itself
        return sweep(list.path("sweeps").get(0).path("sweep_id").asString(), token);
    }

    @Override
    public Optional<ComboInfo> combo(String sweepId, long comboId, String token) {
        return get(token, "/sweeps/{id}/results/{combo}", sweepId, comboId).map(r -> new ComboInfo(comboId,
                map(r.get("config")), map(r.get("effective_config")),
                r.path("metrics").hasNonNull("sharpe_ratio") ? r.path("metrics").get("sharpe_ratio").asDouble() : null));
    }

    private Optional<JsonNode> get(String token, String path, Object... vars) {
        try {
            return Optional.ofNullable(rest.get().uri(path, vars).headers(h -> h.setBearerAuth(token))
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw new UpstreamUnavailableException("sweep-service answered " + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("sweep-service cannot be reached: " + e.getMessage(), e);
        }
    }

    private static SweepInfo info(JsonNode s) {
        JsonNode range = s.path("date_range");
        return new SweepInfo(s.path("sweep_id").asString(), s.path("model_id").asString(), s.path("status").asString(),
                LocalDate.parse(range.path("start").asString()), LocalDate.parse(range.path("end").asString()),
                s.path("total_combinations").asLong());
    }

    private Map<String, Object> map(JsonNode n) {
        return n == null || n.isNull() ? new LinkedHashMap<>()
                : json.convertValue(n, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
