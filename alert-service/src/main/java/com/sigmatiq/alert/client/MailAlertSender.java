package com.sigmatiq.alert.client;

import com.sigmatiq.alert.domain.Delivery;
import com.sigmatiq.alert.domain.DeliverySender;
import com.sigmatiq.alert.domain.DueDelivery;
import com.sigmatiq.alert.domain.SendResult;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code user_email}: a plain-text e-mail over SMTP, subject {@code BUY SPY 22 @ 453.50 — SPY Morning Momentum}.
 * Without an SMTP server ({@code spring.mail.host} empty: local mode) the e-mail is written to the log instead and
 * the row counts as sent. A message that cannot be built is final; any other SMTP error is retried.
 */
public class MailAlertSender implements DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(MailAlertSender.class);

    private final JavaMailSender mail;
    private final String from;
    private final JsonMapper json;

    /** @param mail null to log e-mails instead of sending them */
    public MailAlertSender(JavaMailSender mail, String from, JsonMapper json) {
        this.mail = mail;
        this.from = from;
        this.json = json;
    }

    @Override
    public String destination() {
        return Delivery.USER_EMAIL;
    }

    @Override
    public SendResult send(DueDelivery d) {
        JsonNode alert = json.readTree(d.alertJson());
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(d.target());
        m.setSubject(subject(alert, d.publicationName()));
        m.setText(body(alert, d));
        if (mail == null) {
            log.info("No SMTP server (spring.mail.host is empty): the e-mail of {} is logged, not sent.\nTo: {}\nSubject: {}\n\n{}",
                    d.alertId(), d.target(), m.getSubject(), m.getText());
            return SendResult.sent();
        }
        try {
            mail.send(m);
            return SendResult.sent();
        } catch (MailParseException | MailPreparationException e) {
            return SendResult.failed("e-mail cannot be built: " + e.getMessage());
        } catch (MailException e) {
            return SendResult.retry("SMTP: " + e.getMessage(), null);
        }
    }

    /** {@code BUY SPY 22 @ 453.50 — name}; a SELL names its exit price, or "market" for a sell at the next open. */
    static String subject(JsonNode alert, String publicationName) {
        JsonNode signal = alert.path("signal");
        JsonNode order = alert.path("order_details");
        JsonNode price = order.path("entry_price");
        if (!price.isNumber()) {
            price = order.path("exit_price");
        }
        String at = price.isNumber() ? String.format(Locale.ROOT, "%.2f", price.asDouble()) : "market";
        return signal.path("action").asString("") + " " + signal.path("ticker").asString("") + " "
                + order.path("quantity").asLong() + " @ " + at + " — " + publicationName;
    }

    static String body(JsonNode alert, DueDelivery d) {
        JsonNode signal = alert.path("signal");
        JsonNode order = alert.path("order_details");
        StringBuilder b = new StringBuilder();
        b.append(signal.path("action").asString("")).append(' ').append(signal.path("ticker").asString(""))
                .append(" from ").append(d.publicationName()).append(" (").append(d.publicationId()).append(")\n\n");
        line(b, "Order type", order.path("order_type"));
        line(b, "Quantity", order.path("quantity"));
        line(b, "Entry price", order.path("entry_price"));
        line(b, "Stop loss", order.path("stop_loss"));
        line(b, "Take profit", order.path("take_profit"));
        line(b, "Exit reason", order.path("exit_reason"));
        line(b, "Exit price", order.path("exit_price"));
        line(b, "Time in force", order.path("time_in_force"));
        line(b, "Valid until", order.path("valid_until"));
        line(b, "Confidence", signal.path("confidence"));
        line(b, "Bar", alert.path("timestamp"));
        b.append("\nAlert id: ").append(d.alertId()).append('\n');
        return b.toString();
    }

    private static void line(StringBuilder b, String label, JsonNode v) {
        if (!v.isMissingNode() && !v.isNull()) {
            b.append(label).append(": ").append(v.isString() ? v.asString() : v.toString()).append('\n');
        }
    }
}
