package com.sigmatiq.marketdata.web;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.marketdata.feed.ReplayRequest;
import com.sigmatiq.marketdata.feed.ReplayService;
import com.sigmatiq.marketdata.domain.ReplayRepository.ReplayRow;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Replays: {@code POST /replays} starts one ({@code {"tickers": ["SPY"], "timeframes": ["1m", "5m"], "from":
 * "2011-03-01", "to": "2011-03-31", "speed": "max"}}; speed 1 = real time, 60 = an hour a minute; {@code "paused":
 * true} stores it without playing it until {@code POST /replays/{id}/resume}), {@code GET /replays[/{id}]} shows
 * progress, {@code POST /replays/{id}/cancel} stops it.
 */
@RestController
class ReplayController {

    record StartReplay(List<String> tickers, List<String> timeframes, String sourceTimeframe, String from, String to,
                       String speed, Boolean extended, Boolean paused) {
    }

    record ReplayView(UUID id, List<String> tickers, String sourceTimeframe, List<String> timeframes, Instant from,
                      Instant to, String speed, boolean extended, String status, long position, long total, String error,
                      String requestedBy, Instant createdAt, Instant updatedAt) {
        static ReplayView of(ReplayRow r) {
            return new ReplayView(r.id(), r.tickers(), r.sourceTimeframe(), r.timeframes(), Instant.ofEpochMilli(r.fromMs()),
                    Instant.ofEpochMilli(r.toMs()), r.speed() == 0 ? "max" : Double.toString(r.speed()), r.extended(),
                    r.status(), r.position(), r.total(), r.error(), r.requestedBy(), r.createdAt(), r.updatedAt());
        }
    }

    private final ReplayService replays;

    ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    @PostMapping("/replays")
    @ResponseStatus(HttpStatus.CREATED)
    ReplayView start(@RequestBody StartReplay body, CurrentUser user) {
        if (body.from() == null || body.to() == null) {
            throw InvalidRequestException.of(body.from() == null ? "from" : "to", "from and to are required");
        }
        double speed;
        String s = body.speed() == null ? "max" : body.speed().trim();
        if (s.equalsIgnoreCase("max")) {
            speed = 0;
        } else {
            speed = ImportController.field("speed", () -> Double.parseDouble(s.endsWith("x") ? s.substring(0, s.length() - 1) : s));
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw InvalidRequestException.of("speed", "speed must be a positive number (1 = real time) or max");
            }
        }
        List<Timeframe> tfs = body.timeframes() == null ? List.of(Timeframe.M1)
                : body.timeframes().stream().map(t -> ImportController.field("timeframes", () -> Timeframe.parse(t))).toList();
        Timeframe source = body.sourceTimeframe() == null ? null
                : ImportController.field("source_timeframe", () -> Timeframe.parse(body.sourceTimeframe()));
        var zone = ExchangeCalendar.NEW_YORK;
        ReplayRequest request = new ReplayRequest(body.tickers(), source, tfs, TimeParams.from(body.from(), zone, "from"),
                TimeParams.to(body.to(), zone, "to"), speed, Boolean.TRUE.equals(body.extended()));
        return ReplayView.of(replays.start(request, user.id(), Boolean.TRUE.equals(body.paused())));
    }

    @GetMapping("/replays")
    List<ReplayView> list() {
        return replays.recent().stream().map(ReplayView::of).toList();
    }

    @GetMapping("/replays/{id}")
    ReplayView get(@PathVariable UUID id) {
        return ReplayView.of(replays.get(id));
    }

    @PostMapping("/replays/{id}/resume")
    ReplayView resume(@PathVariable UUID id) {
        return ReplayView.of(replays.resume(id));
    }

    @PostMapping("/replays/{id}/cancel")
    ReplayView cancel(@PathVariable UUID id) {
        return ReplayView.of(replays.cancel(id));
    }
}
