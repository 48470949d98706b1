package com.sigmatiq.pilot.domain;

import com.sigmatiq.kit.web.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A live account as asked for: every field as the client wrote it (absent = null), checked by {@link #problems()}.
 *
 * @param credentials name → secret (FIX: {@code password}; Alpaca: {@code api_key_id}, {@code api_secret_key};
 *                    Interactive Brokers: none needed for the Client Portal gateway's own login, any given are kept)
 */
public record NewAccount(String broker, String accountId, Connection connection, Map<String, String> credentials,
                         RequestedLimits limits) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    private static final Pattern COMP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

    /** The limits as written; {@code priceBandPct} may be absent (DESIGN §7's 5%). */
    public record RequestedLimits(Double maxCapital, Double maxPositionSize, Integer maxOpenPositions,
                                  Double dailyLossLimit, Integer maxOrdersPerMinute, Double priceBandPct) {
    }

    /**
     * This request with the local broker's connection when it is a FIX account that names no host: host, port and
     * TargetCompID of the local broker, and {@code senderCompId} unless the request chose its own.
     */
    public NewAccount withLocalBroker(PilotProperties.LocalBroker local, String senderCompId) {
        if (local == null || !"fix".equals(broker) || (connection != null && connection.host() != null)) {
            return this;
        }
        String sender = connection != null && connection.senderCompId() != null ? connection.senderCompId() : senderCompId;
        return new NewAccount(broker, accountId, new Connection(local.host(), local.port(), sender, local.compId(), null),
                credentials, limits);
    }

    /** Every problem of the request, naming the field as the client wrote it; empty when it can be stored. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        Broker b = broker == null ? null : Broker.of(broker).orElse(null);
        if (broker == null) {
            errors.add(FieldError.of("broker", "is required"));
        } else if (b == null) {
            errors.add(new FieldError("broker", "is not a broker Sigma Pilot speaks", Broker.apiNames()));
        }
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            errors.add(FieldError.of("account_id", "is required: letters, digits, '_', '.', '-', at most 64"));
        }
        if (b != null) {
            connectionProblems(b, errors);
        }
        if (credentials != null) {
            credentials.forEach((k, v) -> {
                if (k == null || k.isBlank() || v == null || v.isEmpty()) {
                    errors.add(FieldError.of("credentials", "every credential needs a name and a value"));
                }
            });
        }
        if (b == Broker.ALPACA && (credentials == null || !credentials.containsKey("api_key_id")
                || !credentials.containsKey("api_secret_key"))) {
            errors.add(FieldError.of("credentials", "Alpaca needs api_key_id and api_secret_key"));
        }
        limitProblems(errors);
        return errors;
    }

    private void connectionProblems(Broker b, List<FieldError> errors) {
        if (connection == null) {
            errors.add(FieldError.of("connection", "is required"));
            return;
        }
        switch (b) {
            case FIX -> {
                if (connection.host() == null || connection.host().isBlank()) {
                    errors.add(FieldError.of("connection.host", "is required for a FIX account"));
                }
                if (connection.port() == null || connection.port() < 1 || connection.port() > 65535) {
                    errors.add(FieldError.of("connection.port", "is required for a FIX account: 1 to 65535"));
                }
                if (connection.senderCompId() == null || !COMP_ID.matcher(connection.senderCompId()).matches()) {
                    errors.add(FieldError.of("connection.sender_comp_id", "is required for a FIX account"));
                }
                if (connection.targetCompId() == null || !COMP_ID.matcher(connection.targetCompId()).matches()) {
                    errors.add(FieldError.of("connection.target_comp_id", "is required for a FIX account"));
                }
            }
            case ALPACA, INTERACTIVE_BROKERS -> {
                String url = connection.baseUrl();
                if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                    errors.add(FieldError.of("connection.base_url", "is required: an http(s) URL"));
                }
            }
        }
    }

    private void limitProblems(List<FieldError> errors) {
        if (limits == null) {
            errors.add(FieldError.of("limits", "is required"));
            return;
        }
        dollars("limits.max_capital", limits.maxCapital(), errors);
        dollars("limits.max_position_size", limits.maxPositionSize(), errors);
        positive("limits.max_open_positions", limits.maxOpenPositions() == null ? null : limits.maxOpenPositions().doubleValue(), errors);
        dollars("limits.daily_loss_limit", limits.dailyLossLimit(), errors);
        positive("limits.max_orders_per_minute", limits.maxOrdersPerMinute() == null ? null : limits.maxOrdersPerMinute().doubleValue(), errors);
        if (limits.priceBandPct() != null && !(limits.priceBandPct() > 0 && limits.priceBandPct() <= 100)) {
            errors.add(FieldError.of("limits.price_band_pct", "must be above 0 and at most 100 (percent)"));
        }
        if (limits.maxCapital() != null && limits.maxPositionSize() != null && limits.maxPositionSize() > limits.maxCapital()) {
            errors.add(FieldError.of("limits.max_position_size", "must not exceed limits.max_capital"));
        }
    }

    private static void dollars(String field, Double value, List<FieldError> errors) {
        positive(field, value, errors);
        if (value != null && value > Limits.MAX_DOLLARS) {
            errors.add(FieldError.of(field, "must be at most 1,000,000,000,000,000 dollars"));
        }
    }

    private static void positive(String field, Double value, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.of(field, "is required"));
        } else if (!(value > 0) || value.isInfinite()) {
            errors.add(FieldError.of(field, "must be a positive number"));
        }
    }

    /** The limits, once {@link #problems()} is empty. */
    public Limits toLimits() {
        return new Limits(limits.maxCapital(), limits.maxPositionSize(), limits.maxOpenPositions(), limits.dailyLossLimit(),
                limits.maxOrdersPerMinute(), limits.priceBandPct() == null ? Limits.DEFAULT_PRICE_BAND_PCT : limits.priceBandPct());
    }
}
