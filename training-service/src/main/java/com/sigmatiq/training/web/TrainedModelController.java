package com.sigmatiq.training.web;

import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.training.domain.TrainingService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trained models to review (seed 6.1) and their artifacts. */
@RestController
@RequestMapping("/training/trained-models")
class TrainedModelController {

    private final TrainingService training;

    TrainedModelController(TrainingService training) {
        this.training = training;
    }

    @GetMapping
    Views.TrainedModels list(CurrentUser user, @RequestParam(name = "model_id", required = false) String modelId) {
        return new Views.TrainedModels(training.trainedModels(user.id(), modelId));
    }

    @GetMapping("/{id}")
    Views.TrainedModelView get(CurrentUser user, @PathVariable String id) {
        return Views.trainedModel(training.trainedModel(user.id(), id));
    }

    @GetMapping("/{id}/artifacts/{name}")
    ResponseEntity<byte[]> artifact(CurrentUser user, @PathVariable String id, @PathVariable String name) {
        byte[] content = training.artifact(user.id(), id, name);
        return ResponseEntity.ok()
                .contentType(name.endsWith(".json") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }
}
