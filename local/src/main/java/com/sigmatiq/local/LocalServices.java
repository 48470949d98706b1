package com.sigmatiq.local;

import java.util.List;

import static com.sigmatiq.local.LocalService.service;

/** The services local mode starts, in start order; a new service joins by adding one line. */
public final class LocalServices {

    /** The gateway: identity, JWKS, and the one origin routing {@code /api/**} to the services below. */
    public static final String GATEWAY = "gateway";

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
            service("pilot-service", "com.sigmatiq.pilot.PilotServiceApplication", 8088, "pilot").routedAs("pilot"));

    private LocalServices() {
    }
}
