package com.sigmatiq.local;

import java.util.List;

import static com.sigmatiq.local.LocalService.service;

/** The services local mode starts, in start order; a new service joins by adding one line. */
public final class LocalServices {

    /** The gateway: identity, JWKS, and the one origin routing {@code /api/**} to the services below. */
    public static final String GATEWAY = "gateway";

    /**
     * The local broker: a FIX 4.4 acceptor that fills orders against the feeds' bars. Its port is the FIX port (it has
     * no HTTP server); pilot-service is told where it is, so that a {@code fix} live account without a connection
     * trades there.
     */
    public static final String LOCAL_BROKER = "local-broker";

    public static final List<LocalService> ALL = List.of(
            service(GATEWAY, "com.sigmatiq.gateway.GatewayApplication", 8080, "identity"),
            service("pack-service", "com.sigmatiq.pack.PackServiceApplication", 8081, "pack").routedAs("packs"),
            service("model-service", "com.sigmatiq.model.ModelServiceApplication", 8082, "model").routedAs("models", "published-models"),
            service("market-data-service", "com.sigmatiq.marketdata.MarketDataServiceApplication", 8083, "marketdata")
                    .routedAs("bars", "series", "imports", "calendar", "replays"),
            service("sweep-service", "com.sigmatiq.sweep.SweepServiceApplication", 8084, "sweep").routedAs("sweeps"),
            service("training-service", "com.sigmatiq.training.TrainingServiceApplication", 8085, "training")
                    .routedAs("training"),
            service("alert-service", "com.sigmatiq.alert.AlertServiceApplication", 8086, "alert").routedAs("alerts"),
            service("sim-service", "com.sigmatiq.sim.SimServiceApplication", 8087, "sim").routedAs("sim"),
            service("pilot-service", "com.sigmatiq.pilot.PilotServiceApplication", 8088, "pilot").routedAs("pilot"),
            service(LOCAL_BROKER, "com.sigmatiq.localbroker.LocalBrokerApplication", 9878, "localbroker"));

    private LocalServices() {
    }
}
