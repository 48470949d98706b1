package com.sigmatiq.alert.domain;

import com.sigmatiq.engine.data.Timeframe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The {@link DeliveryPlanner}: {@code sigma_sim} for a model in {@code paper_trading}, {@code sigma_pilot} for a
 * {@code live} one, {@code user_email} and {@code mobile_push} where the user set them (the published model's own
 * first, else the defaults). Every row is valid until the alert's {@code order_details.valid_until}; a replay's alert
 * lies in the replay's past, so its rows get the same time to that deadline as a live alert would have (from the
 * bar's end to {@code valid_until}), counted from now: replays deliver and expire as the live feed does.
 */
@Service
public class RoutedDeliveryPlanner implements DeliveryPlanner {

    /** The validity of an alert without {@code valid_until} (none is made so; a guard). */
    static final Duration FALLBACK_VALIDITY = Duration.ofDays(1);

    private final DestinationService destinations;
    private final Clock clock;

    public RoutedDeliveryPlanner(DestinationService destinations, Clock clock) {
        this.destinations = destinations;
        this.clock = clock;
    }

    @Override
    public List<Delivery> plan(Publication publication, Alert alert) {
        return plan(publication, alert, destinations.resolve(publication.ownerId(), publication.id()));
    }

    /** Each owner's destinations are read once per batch. */
    @Override
    public Batch batch() {
        Map<String, Function<String, DestinationService.Resolved>> owners = new HashMap<>();
        return (publication, alert) -> plan(publication, alert,
                owners.computeIfAbsent(publication.ownerId(), destinations::resolver).apply(publication.id()));
    }

    private List<Delivery> plan(Publication publication, Alert alert, DestinationService.Resolved r) {
        Instant validUntil = alert.orderDetails() != null && alert.orderDetails().validUntil() != null
                ? alert.orderDetails().validUntil() : alert.timestamp().plus(FALLBACK_VALIDITY);
        if (!Publication.LIVE.equals(publication.feed())) {
            Instant barEnd = alert.timestamp().plusMillis(Timeframe.parse(publication.timeframe()).millis());
            validUntil = clock.instant().plusMillis(Math.max(0, validUntil.toEpochMilli() - barEnd.toEpochMilli()));
        }
        List<Delivery> out = new ArrayList<>(4);
        if ("paper_trading".equals(publication.status())) {
            out.add(new Delivery(alert.alertId(), Delivery.SIGMA_SIM, null, validUntil));
        } else if ("live".equals(publication.status())) {
            out.add(new Delivery(alert.alertId(), Delivery.SIGMA_PILOT, null, validUntil));
        }
        if (r.email() != null) {
            out.add(new Delivery(alert.alertId(), Delivery.USER_EMAIL, r.email(), validUntil));
        }
        if (r.pushUrl() != null) {
            out.add(new Delivery(alert.alertId(), Delivery.MOBILE_PUSH, r.pushUrl(), validUntil));
        }
        return out;
    }
}
