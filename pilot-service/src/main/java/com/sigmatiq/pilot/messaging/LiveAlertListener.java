package com.sigmatiq.pilot.messaging;

import com.sigmatiq.pilot.domain.LiveAlert;
import com.sigmatiq.pilot.domain.LiveTrading;
import com.sigmatiq.pilot.domain.OrderTicket;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts of live models from {@code alerts.live} (alert-service's {@code sigma_pilot} destination): alert documents
 * (seed 7.2, snake_case) keyed by published model. Idempotent by {@code alert_id}. A record that is not an alert is
 * logged and skipped; one whose handling fails is taken again ({@link AlertListenerConfiguration}).
 */
@Component
class LiveAlertListener {

    /** The topic alert-service delivers live alerts on. */
    static final String TOPIC = "alerts.live";
    private static final Logger log = LoggerFactory.getLogger(LiveAlertListener.class);

    private final LiveTrading trading;
    /** One mapper for every alert: building one costs more than reading an alert. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    LiveAlertListener(LiveTrading trading) {
        this.trading = trading;
    }

    @KafkaListener(id = "pilot-alerts", topics = TOPIC, groupId = "pilot-service",
            containerFactory = AlertListenerConfiguration.FACTORY, properties = {"auto.offset.reset=earliest", "metadata.max.age.ms=5000"})
    void onAlert(String document) {
        LiveAlert alert = parse(document);
        if (alert != null) {
            trading.alert(alert);
        }
    }

    /** The alert in {@code document}, or null (logged) when it is not one. */
    static LiveAlert parse(String document) {
        try {
            JsonNode a = JSON.readTree(document);
            String id = a.path("alert_id").asString(null);
            String model = a.path("model_id").asString(null);
            String ts = a.path("timestamp").asString(null);
            String action = a.path("signal").path("action").asString(null);
            String ticker = a.path("signal").path("ticker").asString(null);
            if (id == null || model == null || ts == null || ticker == null || !("BUY".equals(action) || "SELL".equals(action))) {
                log.warn("skipped a record of {} that is not an alert: {}", TOPIC, abbreviate(document));
                return null;
            }
            JsonNode order = a.path("order_details");
            boolean limit = "limit".equalsIgnoreCase(order.path("order_type").asString("market"))
                    && order.path("entry_price").isNumber();
            String tif = order.path("time_in_force").asString("day");
            String validUntil = order.path("valid_until").asString(null);
            return new LiveAlert(id, model, Instant.parse(ts), ticker, "BUY".equals(action), Math.max(0, order.path("quantity").asLong(0)),
                    limit ? OrderTicket.OrderType.LIMIT : OrderTicket.OrderType.MARKET,
                    limit ? order.path("entry_price").asDouble() : Double.NaN,
                    "gtc".equalsIgnoreCase(tif) ? OrderTicket.TimeInForce.GTC : OrderTicket.TimeInForce.DAY,
                    validUntil == null ? null : Instant.parse(validUntil));
        } catch (JacksonException | DateTimeParseException e) {
            log.warn("skipped an unreadable record of {}: {} ({})", TOPIC, abbreviate(document), e.getMessage());
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
