package com.sigmatiq.model.web;

import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.model.domain.CreateModelCommand;
import com.sigmatiq.model.domain.Model;
import com.sigmatiq.model.domain.ModelService;
import com.sigmatiq.model.domain.ModelStatus;
import com.sigmatiq.model.domain.ModelValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /models}: the caller's models. The owner is always the bearer token's subject; another user's
 * model answers 404 as if it did not exist.
 */
@RestController
@RequestMapping("/models")
@Tag(name = "models")
class ModelController {

    static final String YAML = "application/yaml";

    private final ModelService models;

    ModelController(ModelService models) {
        this.models = models;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // documents 201; the answer itself is the ResponseEntity below
    @Operation(summary = "Create a model from a pack (seed section 2.1); 400 names each bad field and its valid choices, "
            + "409 if you already have a model with this id")
    ResponseEntity<CreateModelResponse> create(CurrentUser user, @Valid @RequestBody CreateModelRequest r) {
        Model m = models.create(new CreateModelCommand(user.id(), r.modelId(), r.packId(), r.packVersion(), r.name(),
                r.description(), r.instrument(), r.ticker(), r.timeframe(), r.strategyId(), r.selectedIndicators(),
                r.selectedFeatures(), r.riskProfile(), r.parameterOverrides()));
        CreateModelResponse body = new CreateModelResponse(true,
                new CreateModelResponse.Created(m.id(), m.status().label(), m.createdAt(), ModelView.nextStep(m.status())));
        return ResponseEntity.created(URI.create("/models/" + m.id())).body(body);
    }

    @GetMapping
    @Operation(summary = "Your models, oldest first")
    ModelList list(CurrentUser user) {
        return new ModelList(models.list(user.id()).stream().map(ModelView::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of your models")
    ModelView get(CurrentUser user, @PathVariable String id) {
        return ModelView.of(models.get(user.id(), id));
    }

    @GetMapping(value = "/{id}/config", produces = {MediaType.APPLICATION_JSON_VALUE, YAML})
    @Operation(summary = "The model's effective configuration as the seed's section 2.2 lays it out, plus timeframe; "
            + "YAML with Accept: application/yaml")
    Map<String, Object> config(CurrentUser user, @PathVariable String id) {
        return models.get(user.id(), id).config();
    }

    @PatchMapping(value = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move the model along its lifecycle (created → swept → trained → paper_trading → paper_complete → "
            + "live, trained → alerting, paused and back, any → retired); 409 for a move the lifecycle forbids")
    ModelView changeStatus(CurrentUser user, @PathVariable String id, @RequestBody StatusChangeRequest r) {
        ModelStatus next;
        try {
            next = ModelStatus.parse(r.status());
        } catch (IllegalArgumentException e) {
            throw new ModelValidationException(List.of(new FieldError("status",
                    "unknown status '" + r.status() + "'", ModelStatus.labels())));
        }
        return ModelView.of(models.changeStatus(user.id(), id, next));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the model (409 while it is live or has a publication that is not retired)")
    void delete(CurrentUser user, @PathVariable String id) {
        models.delete(user.id(), id);
    }
}
