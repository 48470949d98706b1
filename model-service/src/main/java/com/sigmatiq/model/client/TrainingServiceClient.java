package com.sigmatiq.model.client;

import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.model.config.ServiceEndpoints;
import com.sigmatiq.model.domain.TrainedModel;
import com.sigmatiq.model.domain.TrainedModels;
import com.sigmatiq.model.domain.TrainingUnavailableException;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a trained model from training-service ({@code GET /training/trained-models/{id}}), forwarding the caller's
 * bearer token, so training-service decides what the caller may see: 404 (unknown, another user's, not completed) is
 * "none"; any other error is {@link TrainingUnavailableException}.
 */
@Component
class TrainingServiceClient implements TrainedModels {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private final RestClient rest;
    private final JsonMapper json;

    TrainingServiceClient(RestClient.Builder builder, ServiceEndpoints endpoints, JsonMapper json) {
        this.json = json;
        this.rest = builder.clone()
                .baseUrl(endpoints.trainingService().toString())
                .requestInterceptor((request, body, execution) -> {
                    CurrentUser.current().ifPresent(user -> request.getHeaders().setBearerAuth(user.token()));
                    return execution.execute(request, body);
                })
                .build();
    }

    @Override
    public Optional<TrainedModel> find(String trainedModelId) {
        JsonNode body;
        try {
            body = rest.get().uri("/training/trained-models/{id}", trainedModelId).retrieve().body(JsonNode.class);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw new TrainingUnavailableException("training-service answered " + e.getStatusCode().value()
                    + " to GET /training/trained-models/" + trainedModelId, e);
        } catch (RestClientException e) {
            throw new TrainingUnavailableException("training-service cannot be reached: " + e.getMessage(), e);
        }
        if (body == null || !body.isObject()) {
            throw new TrainingUnavailableException("training-service answered GET /training/trained-models/" + trainedModelId
                    + " without a trained model", null);
        }
        try {
            return Optional.of(new TrainedModel(text(body, "id"), text(body, "model_id"), body.required("combo_id").asLong(),
                    text(body, "ticker"), text(body, "timeframe"), text(body, "pack_id"), text(body, "pack_version"),
                    text(body, "strategy_id"), json.convertValue(body.required("effective_config"), MAP)));
        } catch (RuntimeException e) {
            throw new TrainingUnavailableException("training-service's trained model " + trainedModelId
                    + " lacks a field model-service needs: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.required(field);
        if (!n.isString()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return n.asString();
    }
}
