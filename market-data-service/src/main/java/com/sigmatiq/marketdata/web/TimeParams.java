package com.sigmatiq.marketdata.web;

import com.sigmatiq.kit.web.problem.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Range bounds in requests: an ISO date (exchange-local, {@code to} inclusive of the whole day) or an ISO instant. */
final class TimeParams {

    private TimeParams() {
    }

    static long from(String s, ZoneId zone, String field) {
        return parse(s, zone, false, field);
    }

    static long to(String s, ZoneId zone, String field) {
        return parse(s, zone, true, field);
    }

    private static long parse(String s, ZoneId zone, boolean end, String field) {
        if (s == null || s.isBlank()) {
            return end ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return (end ? d.plusDays(1) : d).atStartOfDay(zone).toInstant().toEpochMilli();
            }
            return s.endsWith("Z") ? Instant.parse(s).toEpochMilli() : OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(field, "cannot read '" + s + "' as a date (2011-03-01) or an instant "
                    + "(2011-03-01T14:30:00Z)");
        }
    }
}
