package com.sigmatiq.training.web;

import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.ml.TrainingReport;
import com.sigmatiq.training.domain.SelectedConfig;
import com.sigmatiq.training.domain.TrainingCommand;
import com.sigmatiq.training.domain.TrainingNotFoundException;
import com.sigmatiq.training.domain.TrainingService;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Training jobs (seed 5.1, 5.2): start them, follow them, read their results. */
@RestController
@RequestMapping("/training/jobs")
class TrainingController {

    private final TrainingService training;
    private final ProgressStreams streams;

    TrainingController(TrainingService training, ProgressStreams streams) {
        this.training = training;
        this.streams = streams;
    }

    /** One job per selected configuration, answered 202 while the workers train. */
    @PostMapping
    ResponseEntity<Views.Created> create(CurrentUser user, @Valid @RequestBody TrainingJobRequest r) {
        var p = r.trainingParams();
        var h = r.hyperparameters();
        List<SelectedConfig> selected = r.selectedConfigs() == null ? null : r.selectedConfigs().stream()
                .map(s -> s == null ? null : new SelectedConfig(s.comboId(), s.rank(), s.config())).toList();
        var jobs = training.create(user.id(), user.token(), new TrainingCommand(r.modelId(), r.sweepId(), selected,
                p == null ? null : p.algorithm(), p == null ? null : p.validationMethod(), p == null ? null : p.testSize(),
                p == null ? null : p.calibration(),
                h == null ? null : new TrainingCommand.HyperparameterChoice(h.nEstimators(), h.maxDepth(), h.learningRate(),
                        h.subsample(), h.colsampleBytree()), r.candidateFloor()));
        return ResponseEntity.accepted().location(URI.create("/training/jobs/" + jobs.get(0).id())).body(Views.created(jobs));
    }

    @GetMapping("/{id}")
    Views.JobView get(CurrentUser user, @PathVariable String id) {
        return Views.job(training.job(user.id(), uuid(id)));
    }

    /** The job as server-sent events: {@code progress} on every change, then {@code completed} or {@code failed}. */
    @GetMapping(path = "/{id}/events", produces = "text/event-stream")
    SseEmitter events(CurrentUser user, @PathVariable String id) {
        return streams.open(training.job(user.id(), uuid(id)).id());
    }

    /** The seed's {@code training_results}. */
    @GetMapping("/{id}/result")
    TrainingReport result(CurrentUser user, @PathVariable String id) {
        return training.result(user.id(), uuid(id));
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new TrainingNotFoundException("you have no training job " + id);
        }
    }
}
