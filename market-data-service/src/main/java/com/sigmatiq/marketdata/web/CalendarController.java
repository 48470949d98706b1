package com.sigmatiq.marketdata.web;

import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The US session calendar: {@code GET /calendar/sessions?from&to} and {@code GET /calendar/holidays?year}. */
@RestController
class CalendarController {

    record SessionView(LocalDate date, Instant open, Instant close, boolean earlyClose) {
    }

    record HolidayView(LocalDate date, String name) {
    }

    private final ExchangeCalendar calendar = ExchangeCalendar.NYSE;

    @GetMapping("/calendar/sessions")
    List<SessionView> sessions(@RequestParam String from, @RequestParam String to) {
        LocalDate f = ImportController.field("from", () -> LocalDate.parse(from));
        LocalDate t = ImportController.field("to", () -> LocalDate.parse(to));
        if (t.isBefore(f) || f.plusYears(30).isBefore(t)) {
            throw InvalidRequestException.of("to", "to must be after from and within 30 years of it");
        }
        return calendar.sessions(f, t).stream().map(d -> new SessionView(d, calendar.open(d).toInstant(),
                calendar.close(d).toInstant(), calendar.closeMinute(d) != ExchangeCalendar.CLOSE_MINUTE)).toList();
    }

    @GetMapping("/calendar/holidays")
    List<HolidayView> holidays(@RequestParam int year) {
        if (year < 1990 || year > 2100) {
            throw InvalidRequestException.of("year", "year must be between 1990 and 2100");
        }
        return calendar.holidays(year).entrySet().stream().map(e -> new HolidayView(e.getKey(), e.getValue())).toList();
    }
}
