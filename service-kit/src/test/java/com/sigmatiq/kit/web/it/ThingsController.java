package com.sigmatiq.kit.web.it;

import com.sigmatiq.kit.web.problem.InvalidRequestException;
import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.kit.web.validation.SafeId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Endpoints shaped like the services': a JSON body with ids, lists and maps, parameters, roles, failures. */
@RestController
class ThingsController {

    enum Kind { SIMPLE, CUSTOM }

    record Range(String start, String end) {
    }

    record ThingRequest(@NotNull @SafeId String modelId, @SafeId String packId, String tag, List<String> tickers,
                        Map<String, Object> parameters, Range dateRange, Kind kind, Integer count) {
    }

    record Thing(String owner, ThingRequest request) {
    }

    /** A domain exception with its own handler in the service's advice. */
    static final class ThingConflictException extends RuntimeException {
        ThingConflictException(String message) {
            super(message);
        }
    }

    /** What was stored: the test checks a refused request adds nothing. */
    static final List<Thing> STORED = new CopyOnWriteArrayList<>();

    private final Clock clock;

    ThingsController(Clock clock) {
        this.clock = clock;
    }

    @PostMapping("/things")
    @ResponseStatus(HttpStatus.CREATED)
    Thing create(CurrentUser user, @Valid @RequestBody ThingRequest r) {
        if ("taken".equals(r.modelId())) {
            throw new ThingConflictException("you already have a thing 'taken'");
        }
        if ("invalid".equals(r.modelId())) {
            throw InvalidRequestException.of("model_id", "model_id 'invalid' is refused by the domain");
        }
        Thing t = new Thing(user.id(), r);
        STORED.add(t);
        return t;
    }

    @GetMapping("/things")
    Map<String, Object> page(@RequestParam(defaultValue = "0") int page, @RequestParam String sort) {
        return Map.of("page", page, "sort", sort);
    }

    @GetMapping("/things/{id}")
    Map<String, Object> one(@PathVariable String id) {
        return Map.of("id", id);
    }

    @GetMapping("/things/by-uuid/{id}")
    Map<String, Object> byUuid(@PathVariable java.util.UUID id) {
        return Map.of("id", id);
    }

    @GetMapping("/me")
    Map<String, Object> me(CurrentUser user) {
        return Map.of("id", user.id(), "username", String.valueOf(user.username()), "roles", user.roles(),
                "operator", user.isOperator(), "now_zone", clock.getZone().getId());
    }

    @PostMapping("/imports/run")
    Map<String, Object> operatorOnly(CurrentUser user) {
        return Map.of("run_by", user.id());
    }

    @GetMapping("/calendar/today")
    Map<String, Object> calendar() {
        return Map.of("open", true);
    }

    @GetMapping("/open")
    Map<String, Object> open() {
        return Map.of("open", true);
    }

    @GetMapping("/boom")
    Map<String, Object> boom() {
        throw new IllegalStateException("secret internals at com.example.Hidden");
    }

    @RestControllerAdvice
    static class ThingProblems {

        @ExceptionHandler(ThingConflictException.class)
        ProblemDetail conflict(ThingConflictException e) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            p.setTitle("Conflict");
            return p;
        }
    }
}
