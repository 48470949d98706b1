package com.sigmatiq.sweep.web;

import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.sweep.domain.CreateSweepCommand;
import com.sigmatiq.sweep.domain.SortKey;
import com.sigmatiq.sweep.domain.SweepNotFoundException;
import com.sigmatiq.sweep.domain.SweepService;
import com.sigmatiq.sweep.domain.SweepState;
import com.sigmatiq.sweep.domain.SweepStatus;
import com.sigmatiq.sweep.domain.SweepValidationException;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The sweep API (per user: another user's sweep answers 404). */
@RestController
@RequestMapping("/sweeps")
class SweepController {

    static final int MAX_PAGE_SIZE = 1000;

    private final SweepService sweeps;
    private final ProgressStreams streams;
    private final Clock clock;

    SweepController(SweepService sweeps, ProgressStreams streams, Clock clock) {
        this.sweeps = sweeps;
        this.streams = streams;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // documents 201; the answer itself is the ResponseEntity below
    ResponseEntity<Views.Created> create(CurrentUser user, @Valid @RequestBody SweepRequest r) {
        SweepState s = sweeps.create(user.id(), user.token(), new CreateSweepCommand(r.modelId(), r.sweepType(),
                r.dateRange() == null ? null : r.dateRange().start(), r.dateRange() == null ? null : r.dateRange().end(),
                r.parameters(), r.qualityGates(), r.tag(), r.holdoutPct()));
        return ResponseEntity.created(URI.create("/sweeps/" + s.spec().id())).body(Views.created(s));
    }

    /**
     * The caller's sweeps, newest first, at most {@link SweepService#MAX_LISTED}, optionally of one model and in one
     * status.
     */
    @GetMapping
    Views.SweepList list(CurrentUser user, @RequestParam(name = "model_id", required = false) String modelId,
                         @RequestParam(required = false) String status) {
        SweepStatus wanted = null;
        if (status != null) {
            wanted = SweepStatus.parse(status).orElseThrow(() -> new SweepValidationException(new FieldError("status",
                    "unknown status '" + status + "'", SweepStatus.labels())));
        }
        return Views.list(sweeps.list(user.id(), modelId, wanted));
    }

    @GetMapping("/{id}")
    Views.Sweep get(CurrentUser user, @PathVariable String id) {
        SweepState s = sweeps.get(user.id(), uuid(id));
        return Views.sweep(s, sweeps.log(s.spec().id()), clock.instant());
    }

    @GetMapping(path = "/{id}/events", produces = "text/event-stream")
    SseEmitter events(CurrentUser user, @PathVariable String id) {
        SweepState s = sweeps.get(user.id(), uuid(id));
        return streams.open(s.spec().id());
    }

    @GetMapping("/{id}/leaderboard")
    Views.Leaderboard leaderboard(CurrentUser user, @PathVariable String id,
                                    @RequestParam(defaultValue = "sharpe") String sort,
                                    @RequestParam(defaultValue = "desc") String order,
                                    @RequestParam(required = false) String gate,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        List<FieldError> errors = new ArrayList<>();
        SortKey key = SortKey.of(sort).orElse(null);
        if (key == null) {
            errors.add(new FieldError("sort", "cannot sort by '" + sort + "'", SortKey.labels()));
        }
        String o = order.toLowerCase(Locale.ROOT);
        if (!o.equals("asc") && !o.equals("desc")) {
            errors.add(new FieldError("order", "order is asc or desc", List.of("asc", "desc")));
        }
        Boolean pass = null;
        if (gate != null) {
            String g = gate.toUpperCase(Locale.ROOT);
            if (g.equals("PASS") || g.equals("FAIL")) {
                pass = g.equals("PASS");
            } else {
                errors.add(new FieldError("gate", "gate is PASS or FAIL", List.of("PASS", "FAIL")));
            }
        }
        if (page < 0) {
            errors.add(FieldError.of("page", "page counts from 0"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(FieldError.of("size", "size is 1 to " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new SweepValidationException(errors);
        }
        return Views.leaderboard(sweeps.leaderboard(user.id(), uuid(id), key, o.equals("asc"), pass, page, size),
                key.label(), o, gate == null ? null : gate.toUpperCase(Locale.ROOT), page, size);
    }

    @GetMapping("/{id}/results/{comboId}")
    Views.Result result(CurrentUser user, @PathVariable String id, @PathVariable String comboId) {
        long combo;
        try {
            combo = Long.parseLong(comboId);
        } catch (NumberFormatException e) {
            throw new SweepNotFoundException("no combination '" + comboId + "'");
        }
        return Views.result(sweeps.result(user.id(), uuid(id), combo));
    }

    @PostMapping("/{id}/cancel")
    Views.Sweep cancel(CurrentUser user, @PathVariable String id) {
        SweepState s = sweeps.cancel(user.id(), uuid(id));
        return Views.sweep(s, sweeps.log(s.spec().id()), clock.instant());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new SweepNotFoundException("you have no sweep " + id);
        }
    }
}
