package com.sigmatiq.alert.domain;

import java.util.List;
import java.util.Map;

/** The routing of stored alerts: each destination's delivery status (the seed's 7.2 {@code routing}). */
public interface AlertRouting {

    RoutingView routing(String alertId);

    /** The routing of several alerts at once, by alert id. */
    Map<String, RoutingView> routing(List<String> alertIds);
}
