package com.sigmatiq.model.web;

import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.model.domain.Publication;
import com.sigmatiq.model.domain.PublicationService;
import com.sigmatiq.model.domain.PublishCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /published-models}: the caller's published trained models (seed 6.1) and their lifecycle. Another user's
 * publication answers 404 as if it did not exist.
 */
@RestController
@RequestMapping("/published-models")
@Tag(name = "published-models")
class PublicationController {

    private final PublicationService publications;

    PublicationController(PublicationService publications) {
        this.publications = publications;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // documents 201; the answer itself is the ResponseEntity below
    @Operation(summary = "Publish a completed trained model (seed section 6.1): 201 with the seed's publish_response; 400 "
            + "names each bad field; 409 if the trained model is already published")
    ResponseEntity<PublishResponse> publish(CurrentUser user, @Valid @RequestBody PublishRequest r) {
        var s = r.publishSettings();
        Publication p = publications.publish(new PublishCommand(user.id(), r.trainedModelId(), s != null,
                s == null ? null : s.name(), s == null ? null : s.description(), s == null ? null : s.alertFrequency(),
                s == null ? null : s.maxAlertsPerDay(), s == null ? null : s.paperTradeFirst(),
                s == null ? null : s.paperTradeDurationDays(), r.paperEquity(), r.feed(),
                s == null ? null : s.recommendationRules()));
        PublishResponse body = new PublishResponse(true, new PublishResponse.Published(p.id(), p.status().label(),
                p.paperTradeStart(), p.paperTradeEnd(), p.liveDate()));
        return ResponseEntity.created(URI.create("/published-models/" + p.id())).body(body);
    }

    @GetMapping
    @Operation(summary = "Your published models, newest first")
    PublicationList list(CurrentUser user) {
        return new PublicationList(publications.list(user.id()).stream().map(PublicationView::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of your published models: settings, status, allowed transitions and actions, history")
    PublicationView get(CurrentUser user, @PathVariable String id) {
        return PublicationView.of(publications.get(user.id(), id));
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause (from paper_trading, alerting or live); 409 otherwise, naming the allowed transitions")
    PublicationView pause(CurrentUser user, @PathVariable String id, @Valid @RequestBody(required = false) ActionRequest r) {
        return act(user, id, PublicationService.Action.PAUSE, r);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a paused publication to the status it was paused from; 409 if it is not paused")
    PublicationView resume(CurrentUser user, @PathVariable String id, @Valid @RequestBody(required = false) ActionRequest r) {
        return act(user, id, PublicationService.Action.RESUME, r);
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire (from any status but retired; terminal)")
    PublicationView retire(CurrentUser user, @PathVariable String id, @Valid @RequestBody(required = false) ActionRequest r) {
        return act(user, id, PublicationService.Action.RETIRE, r);
    }

    private PublicationView act(CurrentUser user, String id, PublicationService.Action action, ActionRequest r) {
        return PublicationView.of(publications.act(user.id(), id, action, r == null ? null : r.reason()));
    }
}
