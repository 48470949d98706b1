package com.sigmatiq.sim.messaging;

import com.sigmatiq.sim.domain.PaperAlert;
import com.sigmatiq.sim.domain.PaperTrading;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts of paper-trading models from {@code alerts.paper} (alert-service's {@code sigma_sim} destination): plain
 * alert documents (seed 7.2, snake_case) keyed by published model. Idempotent by {@code alert_id}: a redelivered alert
 * changes nothing. A record that is not an alert is logged and skipped; one whose handling fails (the database away)
 * is taken again until it succeeds ({@link AlertListenerConfiguration}).
 */
@Component
class AlertListener {

    /** The topic alert-service delivers paper alerts on. */
    static final String TOPIC = "alerts.paper";
    private static final Logger log = LoggerFactory.getLogger(AlertListener.class);

    private final PaperTrading paper;
    private final JsonMapper json = JsonMapper.builder().build();

    AlertListener(PaperTrading paper) {
        this.paper = paper;
    }

    @KafkaListener(id = "sim-alerts", topics = TOPIC, groupId = "sim-service",
            containerFactory = AlertListenerConfiguration.FACTORY, properties = {"auto.offset.reset=earliest", "metadata.max.age.ms=5000"})
    void onAlert(String document) {
        PaperAlert alert = parse(document);
        if (alert == null) {
            return;
        }
        paper.alert(alert, document);
    }

    /** The alert in {@code document}, or null (logged) when it is not one. */
    PaperAlert parse(String document) {
        try {
            JsonNode a = json.readTree(document);
            String id = a.path("alert_id").asString(null);
            String model = a.path("model_id").asString(null);
            String ts = a.path("timestamp").asString(null);
            String action = a.path("signal").path("action").asString(null);
            if (id == null || model == null || ts == null || !("BUY".equals(action) || "SELL".equals(action))) {
                log.warn("skipped a record of {} that is not an alert: {}", TOPIC, abbreviate(document));
                return null;
            }
            JsonNode order = a.path("order_details");
            String reason = order.path("exit_reason").isString() ? order.path("exit_reason").asString() : null;
            return new PaperAlert(id, model, Instant.parse(ts).toEpochMilli(), "BUY".equals(action), reason,
                    order.path("quantity").asLong(0));
        } catch (JacksonException | java.time.format.DateTimeParseException e) {
            log.warn("skipped an unreadable record of {}: {} ({})", TOPIC, abbreviate(document), e.getMessage());
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
