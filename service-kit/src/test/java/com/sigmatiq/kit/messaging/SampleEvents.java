package com.sigmatiq.kit.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.EventType;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.contracts.model.ModelCreated;
import com.sigmatiq.contracts.model.ModelDeleted;
import com.sigmatiq.contracts.model.ModelPublished;
import com.sigmatiq.contracts.model.ModelStatusChanged;
import com.sigmatiq.contracts.model.PublicationStatusChanged;
import com.sigmatiq.contracts.paper.PaperCompleted;
import com.sigmatiq.contracts.pilot.LiveTradingApproved;
import com.sigmatiq.contracts.sweep.SweepCompleted;
import com.sigmatiq.contracts.training.TrainingCompleted;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One envelope of every {@link EventType}, with every field set (nullable ones once null, once not). */
final class SampleEvents {

    private SampleEvents() {
    }

    /** A payload of {@code type}; the switch has no default, so a new type does not compile until it has a sample. */
    static Object payload(EventType type) {
        return switch (type) {
            case MODEL_CREATED -> new ModelCreated("spy_swing_momentum_v1", "swingsigma", "1.0.0", "momentum_swing", "SPY", "5m");
            case MODEL_STATUS_CHANGED -> new ModelStatusChanged("spy_swing_momentum_v1", "created", "swept");
            case MODEL_DELETED -> new ModelDeleted("spy_swing_momentum_v1");
            case MODEL_PUBLISHED -> new ModelPublished("pub_0f8fad5bd9cb469fa16570867728950e", "spy_swing_momentum_v1",
                    "spy_swing_momentum_v1_trained_001", 15L, "SPY", "5m", "swingsigma", "1.0.0", "momentum_swing",
                    effectiveConfig(), "SPY Morning Momentum", 3, true, 14, 50_000.0, "replay",
                    "9f0b1c2d-0000-4000-8000-000000000001", "paper_trading", Instant.parse("2024-01-16T14:30:00.123456Z"), null);
            case PUBLICATION_STATUS_CHANGED -> new PublicationStatusChanged("pub_0f8fad5bd9cb469fa16570867728950e",
                    "spy_swing_momentum_v1", "paper_trading", "paused", Instant.parse("2024-01-17T15:00:00Z"));
            case SWEEP_COMPLETED -> new SweepCompleted("1b4e28ba-2fa1-11d2-883f-0016d3cca427", "spy_swing_momentum_v1", 18_900,
                    1_234, 17_666, 4_321L, 1.8372615, Instant.parse("2011-04-01T20:00:00.123456Z"));
            case TRAINING_COMPLETED -> new TrainingCompleted("job_1", "spy_swing_momentum_v1", "spy_swing_momentum_v1_trained_001",
                    15L, "1b4e28ba-2fa1-11d2-883f-0016d3cca427", 1.8372615, null, 0.61, Instant.parse("2011-04-01T20:00:00.123456Z"));
            case PAPER_COMPLETED -> new PaperCompleted("pub_0f8fad5bd9cb469fa16570867728950e", "spy_swing_momentum_v1",
                    "sim_0f8fad5bd9cb469fa16570867728950e", "APPROVE_FOR_LIVE_TRADING", Instant.parse("2024-01-30T14:30:00Z"),
                    Instant.parse("2024-02-13T21:00:00Z"), 10, 8, 0.625, 1.68, 0.0425, Instant.parse("2024-02-13T21:00:05.123456Z"));
            case LIVE_TRADING_APPROVED -> new LiveTradingApproved("pub_0f8fad5bd9cb469fa16570867728950e",
                    "acc_0f8fad5bd9cb469fa165", Instant.parse("2024-02-14T09:30:00Z"), Instant.parse("2024-02-13T22:00:00.123456Z"));
            case BAR_CLOSED -> new BarClosed("SPY", "America/New_York", "5m", Instant.parse("2011-03-01T14:30:00Z"),
                    Instant.parse("2011-03-01T14:35:00Z"), 133.11, 133.42, 132.9, 133.2, null, "replay",
                    "9f0b1c2d-0000-4000-8000-000000000001", 7);
        };
    }

    /** A configuration with a whole number, a fraction and a flag, in insertion order. */
    private static Map<String, Object> effectiveConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("rsi_period", 15);
        config.put("stop_loss_pct", 0.02);
        config.put("trailing_stop", false);
        return config;
    }

    static EventEnvelope<Object> envelope(EventType type) {
        return EventCatalog.envelope(UUID.nameUUIDFromBytes(type.typeName().getBytes()), payload(type),
                type == EventType.BAR_CLOSED ? null : "0b6c3a9e-1111-4222-8333-944445555666", "subject-" + type.name(),
                Instant.parse("2025-01-02T03:04:05.678Z"));
    }
}
