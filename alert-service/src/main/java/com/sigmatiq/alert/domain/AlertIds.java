package com.sigmatiq.alert.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An alert's id is a pure function of (published model, bar time, action), so a redelivered bar or a restart finds
 * the alert it already made instead of making a second: {@code alert_<published id>_<yyyyMMdd_HHmmss of the bar start,
 * UTC>_<buy|sell>}, as the seed's {@code alert_20240130_101500_001} but with the model and the action.
 */
public final class AlertIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private AlertIds() {
    }

    public static String of(String publishedId, long barTime, AlertAction action) {
        return "alert_" + publishedId + "_" + STAMP.format(Instant.ofEpochMilli(barTime)) + "_"
                + action.name().toLowerCase(java.util.Locale.ROOT);
    }
}
