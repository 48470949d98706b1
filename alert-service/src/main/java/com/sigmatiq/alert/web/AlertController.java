package com.sigmatiq.alert.web;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.AlertQueries;
import com.sigmatiq.alert.domain.RoutingService;
import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import com.sigmatiq.kit.web.problem.NotFoundException;
import com.sigmatiq.kit.web.security.CurrentUser;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's alerts (seed 7.2), evaluations (seed 7.1) and followed models, and a stream of new alerts. */
@RestController
@RequestMapping("/alerts")
class AlertController {

    static final int MAX_PAGE = 500;

    private final AlertQueries queries;
    private final RoutingService routing;
    private final AlertStreams streams;

    AlertController(AlertQueries queries, RoutingService routing, AlertStreams streams) {
        this.queries = queries;
        this.routing = routing;
        this.streams = streams;
    }

    @GetMapping
    AlertViews.AlertPage alerts(CurrentUser user, @RequestParam(name = "published_model_id", required = false) String model,
                                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<FieldError> errors = new ArrayList<>();
        Instant f = instant("from", from, errors);
        Instant t = instant("to", to, errors);
        paging(page, size, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (model != null && queries.publication(user.id(), model).isEmpty()) {
            throw new NotFoundException("Not found", "you have no published model '" + model + "'");
        }
        AlertQueries.Page<Alert> p = queries.alerts(user.id(), model, f, t, page, size);
        var routes = routing.routing(p.items().stream().map(Alert::alertId).toList());
        return new AlertViews.AlertPage(p.items().stream().map(a -> AlertViews.AlertView.of(a, routes.get(a.alertId()))).toList(),
                page, size, p.total());
    }

    @GetMapping("/{alertId}")
    AlertViews.AlertView alert(CurrentUser user, @PathVariable String alertId) {
        Alert a = queries.alert(user.id(), alertId)
                .orElseThrow(() -> new NotFoundException("Not found", "you have no alert '" + alertId + "'"));
        return AlertViews.AlertView.of(a, routing.routing(alertId));
    }

    /** Server-sent events: each new alert of the caller as an {@code alert} event, as it is stored. */
    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(CurrentUser user) {
        return streams.open(user.id());
    }

    @GetMapping("/models")
    AlertViews.FollowedModels models(CurrentUser user) {
        return new AlertViews.FollowedModels(queries.publications(user.id()).stream().map(AlertViews.FollowedModel::of).toList());
    }

    @GetMapping("/models/{publishedId}/evaluations")
    AlertViews.EvaluationPage evaluations(CurrentUser user, @PathVariable String publishedId,
                                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<FieldError> errors = new ArrayList<>();
        Instant f = instant("from", from, errors);
        Instant t = instant("to", to, errors);
        paging(page, size, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (queries.publication(user.id(), publishedId).isEmpty()) {
            throw new NotFoundException("Not found", "you have no published model '" + publishedId + "'");
        }
        var p = queries.evaluations(user.id(), publishedId, f, t, page, size);
        return new AlertViews.EvaluationPage(publishedId, p.items(), page, size, p.total());
    }

    private static void paging(int page, int size, List<FieldError> errors) {
        if (page < 0) {
            errors.add(FieldError.of("page", "page counts from 0"));
        }
        if (size < 1 || size > MAX_PAGE) {
            errors.add(FieldError.of("size", "size is 1 to " + MAX_PAGE));
        }
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                errors.add(FieldError.of(field, field + " is an ISO instant (2011-03-01T14:30:00Z) or date, got '" + value + "'"));
                return null;
            }
        }
    }
}
