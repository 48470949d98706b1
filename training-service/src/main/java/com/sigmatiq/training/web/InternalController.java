package com.sigmatiq.training.web;

import com.sigmatiq.training.domain.TrainingService;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the platform's runtime services only (role {@code service}, {@code sigmatiq.security.role-paths}): a user's
 * trained model with every artifact, which alert-service and sim-service load when a model is published and after a
 * restart, with no user at hand. The owner is named; another owner's model is 404 as everywhere.
 */
@RestController
@RequestMapping("/training/internal/trained-models")
class InternalController {

    private final TrainingService training;

    InternalController(TrainingService training) {
        this.training = training;
    }

    /** The trained model of {@code owner_id}: its detail and its artifacts, base64 by name. */
    @GetMapping("/{id}")
    InternalTrainedModel get(@PathVariable String id, @RequestParam(name = "owner_id") String ownerId) {
        Views.TrainedModelView view = Views.trainedModel(training.trainedModel(ownerId, id));
        Map<String, String> artifacts = new LinkedHashMap<>();
        for (Views.ArtifactView a : view.artifacts()) {
            artifacts.put(a.name(), Base64.getEncoder().encodeToString(training.artifact(ownerId, id, a.name())));
        }
        return new InternalTrainedModel(view, artifacts);
    }

    /** A trained model and its artifacts' contents (base64). */
    record InternalTrainedModel(Views.TrainedModelView trainedModel, Map<String, String> artifacts) {
    }
}
