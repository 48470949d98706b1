package com.sigmatiq.alert.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** An alert's {@code routing} (seed 7.2): one entry per delivery row with its status, attempts and timestamps. */
@Service
public class RoutingService {

    private final DeliveryRepository deliveries;

    public RoutingService(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** The routing of one alert; no destinations if it has no rows. */
    public RoutingView routing(String alertId) {
        return deliveries.routing(List.of(alertId)).getOrDefault(alertId, new RoutingView(List.of()));
    }

    /** The routing of a page of alerts, by alert id; an alert without rows maps to no destinations. */
    public Map<String, RoutingView> routing(Collection<String> alertIds) {
        Map<String, RoutingView> found = deliveries.routing(alertIds);
        Map<String, RoutingView> out = new java.util.LinkedHashMap<>();
        for (String id : alertIds) {
            out.put(id, found.getOrDefault(id, new RoutingView(List.of())));
        }
        return out;
    }
}
