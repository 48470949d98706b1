package com.sigmatiq.alert.web;

import com.sigmatiq.alert.domain.AlertQueries;
import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import com.sigmatiq.kit.web.problem.NotFoundException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the platform's runtime services only (role {@code service}, {@code sigmatiq.security.role-paths}): how far a
 * publication's runtime has got, so that sim-service closes a paper period only when every alert of its bars is made
 * and has reached it, however long alert-service was down or behind.
 */
@RestController
@RequestMapping("/alerts/internal/publications")
class InternalController {

    private final AlertQueries queries;

    InternalController(AlertQueries queries) {
        this.queries = queries;
    }

    /**
     * The first bar decided on, the bar time every alert is stored up to, and the ids of the alerts of bars up to
     * {@code through}.
     */
    @GetMapping("/{id}/progress")
    ProgressView progress(@PathVariable String id, @RequestParam String through) {
        Instant until;
        try {
            until = Instant.parse(through);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(List.of(FieldError.of("through", "is not an ISO-8601 instant")));
        }
        AlertQueries.Progress p = queries.progress(id, until)
                .orElseThrow(() -> new NotFoundException("Not found", "published model '" + id + "' is not followed here"));
        return new ProgressView(id, p.decidedFrom(), p.evaluatedThrough(), p.alertIds());
    }

    /**
     * @param decidedFrom      the first bar the runtime decided on (bars before it only warmed it up); null before its
     *                         first evaluations are stored
     * @param evaluatedThrough null before the runtime's first snapshot
     */
    record ProgressView(String publishedModelId, Instant decidedFrom, Instant evaluatedThrough, List<String> alertIds) {
    }
}
