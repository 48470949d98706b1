package com.sigmatiq.alert.messaging;

/** The topics alerts are delivered on: plain alert documents keyed by published model, header {@code alert_id}. */
public final class AlertTopics {

    /** {@code sigma_sim}: alerts of paper-trading models, for sim-service. */
    public static final String PAPER = "alerts.paper";
    /** {@code sigma_pilot}: alerts of live models, for pilot-service. */
    public static final String LIVE = "alerts.live";
    /** The header carrying the alert id, by which consumers drop a redelivered alert. */
    public static final String ALERT_ID_HEADER = "alert_id";

    private AlertTopics() {
    }
}
