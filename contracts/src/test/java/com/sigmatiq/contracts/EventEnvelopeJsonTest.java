package com.sigmatiq.contracts;

import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.contracts.model.ModelCreated;
import com.sigmatiq.contracts.model.ModelDeleted;
import com.sigmatiq.contracts.model.ModelPublished;
import com.sigmatiq.contracts.model.ModelStatusChanged;
import com.sigmatiq.contracts.model.PublicationStatusChanged;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wire format is snake_case with a plain mapper (no naming strategy), and round-trips. */
class EventEnvelopeJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    private final EventEnvelope<ModelCreated> created = new EventEnvelope<>(
            UUID.fromString("5f1c1f0e-8a5e-4c52-9a3c-0d8c1b1a2b3c"), ModelCreated.TYPE,
            Instant.parse("2025-01-02T03:04:05Z"), EventEnvelope.CURRENT_VERSION,
            "0b6c3a9e-1111-4222-8333-944445555666", "spy_swing_momentum_v1",
            new ModelCreated("spy_swing_momentum_v1", "swingsigma", "1.0.0", "momentum_breakout", "SPY", "1d"));

    @Test
    void envelopeAndPayloadFieldsAreSnakeCase() {
        JsonNode json = mapper.valueToTree(created);

        assertThat(json.propertyNames()).containsExactlyInAnyOrder(
                "event_id", "type", "occurred_at", "version", "owner_id", "subject_id", "payload");
        assertThat(json.get("event_id").asString()).isEqualTo("5f1c1f0e-8a5e-4c52-9a3c-0d8c1b1a2b3c");
        assertThat(json.get("type").asString()).isEqualTo("model.created");
        assertThat(json.get("occurred_at").asString()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("payload").propertyNames()).containsExactlyInAnyOrder(
                "model_id", "pack_id", "pack_version", "strategy_id", "ticker", "timeframe");
    }

    @Test
    void roundTripsThroughJson() {
        String text = mapper.writeValueAsString(created);

        EventEnvelope<ModelCreated> back = mapper.readValue(text, new TypeReference<EventEnvelope<ModelCreated>>() { });

        assertThat(back).isEqualTo(created);
    }

    @Test
    void otherModelPayloadsRoundTrip() {
        var changed = new ModelStatusChanged("m1", "created", "swept");
        var deleted = new ModelDeleted("m1");

        assertThat(mapper.readValue(mapper.writeValueAsString(changed), ModelStatusChanged.class)).isEqualTo(changed);
        assertThat(mapper.readValue(mapper.writeValueAsString(deleted), ModelDeleted.class)).isEqualTo(deleted);
        assertThat(mapper.valueToTree(changed).propertyNames()).containsExactlyInAnyOrder("model_id", "from", "to");
    }

    @Test
    void publicationPayloadsHaveTheAgreedNamesAndRoundTrip() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("rsi_period", 15);
        config.put("stop_loss_pct", 0.02);
        var published = new ModelPublished("pub_1", "m1", "m1_trained_001", 15, "SPY", "5m", "swingsigma", "1.0.0",
                "momentum_swing", config, "SPY Morning Momentum", 3, true, 14, 50_000.0, "replay", "r1", "paper_trading",
                Instant.parse("2024-01-16T09:30:00Z"), Map.of("min_trades", 8.0));
        var changed = new PublicationStatusChanged("pub_1", "m1", "paper_trading", "paused", Instant.parse("2024-01-17T15:00:00Z"));

        assertThat(mapper.valueToTree(published).propertyNames()).containsExactlyInAnyOrder("published_id", "model_id",
                "trained_model_id", "combo_id", "ticker", "timeframe", "pack_id", "pack_version", "strategy_id",
                "effective_config", "name", "max_alerts_per_day", "paper_trade_first", "paper_trade_duration_days",
                "paper_equity", "feed", "replay_id", "status", "published_at", "recommendation_rules");
        assertThat(mapper.valueToTree(changed).propertyNames()).containsExactlyInAnyOrder("published_id", "model_id", "from",
                "to", "at");
        assertThat(mapper.readValue(mapper.writeValueAsString(published), ModelPublished.class)).isEqualTo(published);
        assertThat(mapper.readValue(mapper.writeValueAsString(changed), PublicationStatusChanged.class)).isEqualTo(changed);
        assertThat(ModelPublished.TYPE).isEqualTo("model.published");
        assertThat(PublicationStatusChanged.TYPE).isEqualTo("model.publication_status_changed");
    }

    @Test
    void aClosedBarRoundTripsWithSnakeCaseNamesAndANullVolume() {
        var bar = new BarClosed("SPY", "America/New_York", "5m", Instant.parse("2011-03-01T14:30:00Z"),
                Instant.parse("2011-03-01T14:35:00Z"), 133.1, 133.4, 132.9, 133.2, null, "replay", "r1", 7);

        JsonNode json = mapper.valueToTree(bar);

        assertThat(json.propertyNames()).containsExactlyInAnyOrder("ticker", "exchange", "timeframe", "start", "end", "open",
                "high", "low", "close", "volume", "source", "replay_id", "sequence");
        assertThat(json.get("start").asString()).isEqualTo("2011-03-01T14:30:00Z");
        assertThat(mapper.readValue(mapper.writeValueAsString(bar), BarClosed.class)).isEqualTo(bar);
    }

    @Test
    void typeNamesAndTopicsAreTheAgreedStrings() {
        assertThat(ModelCreated.TYPE).isEqualTo("model.created");
        assertThat(ModelStatusChanged.TYPE).isEqualTo("model.status_changed");
        assertThat(ModelDeleted.TYPE).isEqualTo("model.deleted");
        assertThat(BarClosed.TYPE).isEqualTo("market.bar.closed");
        assertThat(Topics.MODEL_EVENTS).isEqualTo("model.events");
        assertThat(Topics.MARKET_BARS_PREFIX).isEqualTo("market.bars.");
        assertThat(Topics.SWEEP_EVENTS).isEqualTo("sweep.events");
    }

    @Test
    void envelopeRefusesMissingIdentityOrBadVersion() {
        var payload = new ModelDeleted("m1");
        assertThatThrownBy(() -> new EventEnvelope<>(null, ModelDeleted.TYPE, Instant.now(), 1, "u", "m1", payload))
                .isInstanceOf(NullPointerException.class).hasMessage("event_id");
        assertThatThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), ModelDeleted.TYPE, Instant.now(), 0, "u", "m1", payload))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
