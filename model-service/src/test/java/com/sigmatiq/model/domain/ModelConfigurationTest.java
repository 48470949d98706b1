package com.sigmatiq.model.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ModelConfigurationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSeedRequestGivesTheSeedsConfigurationInTheSeedsOrder() {
        ValidatedModel v = ModelRequestValidator.checkAgainstPack(SeedFixtures.seedRequest(), SeedFixtures.swingsigma(), new ArrayList<>());
        Map<String, Object> config = ModelConfiguration.generate("spy_swing_momentum_v1", "user_12345",
                Instant.parse("2024-01-15T10:00:00Z"), v);
        String expected = """
                {"model":{"id":"spy_swing_momentum_v1","pack_id":"swingsigma","user_id":"user_12345","created_at":"2024-01-15T10:00:00Z"},\
                "instrument":{"type":"stocks","ticker":"SPY"},\
                "strategy":{"id":"momentum_swing",\
                "entry_rules":["rsi > 50 AND rsi < 70","macd_cross == true","adx > 25","price > ema_20"],\
                "exit_rules":["rsi > 70 OR rsi < 30","macd_cross == false","price < ema_20"]},\
                "indicators":[{"rsi":{"period":21,"overbought":70,"oversold":30}},\
                {"macd":{"fast_period":12,"slow_period":26,"signal_period":9}},\
                {"adx":{"period":14,"threshold":25}},{"ema_20":{"period":20}},{"ema_50":{"period":50}},\
                {"bollinger_bands":{"period":20,"std_dev":2}},{"volume_ma":{"period":20}}],\
                "features":["rsi_divergence","macd_cross","trend_strength","volume_surge","momentum_composite"],\
                "risk_management":{"stop_loss_pct":6,"take_profit_pct":16,"max_position_pct":3,"trailing_stop":true,"trailing_stop_pct":5},\
                "timeframe":"5m"}""";
        assertThat(JSON.writeValueAsString(config)).isEqualTo(expected);
    }

    @Test
    void fractionalValuesStayDecimalAndATrailingStopOfZeroTurnsItOff() {
        CreateModelCommand c = SeedFixtures.seedRequest();
        Map<String, Object> o = new java.util.LinkedHashMap<>(c.parameterOverrides());
        o.put("bollinger_bands_std_dev", 2.5);
        o.put("trailing_stop_pct", 0);
        c = new CreateModelCommand(c.ownerId(), c.modelId(), c.packId(), null, c.name(), null, null, c.ticker(), "1d",
                c.strategyId(), List.of("bollinger_bands"), List.of(), null, o);
        ValidatedModel v = ModelRequestValidator.checkAgainstPack(c, SeedFixtures.swingsigma(), new ArrayList<>());
        Map<String, Object> config = ModelConfiguration.generate("m", "u", Instant.EPOCH, v);
        assertThat(JSON.writeValueAsString(config.get("indicators"))).isEqualTo("[{\"bollinger_bands\":{\"period\":20,\"std_dev\":2.5}}]");
        @SuppressWarnings("unchecked")
        Map<String, Object> risk = (Map<String, Object>) config.get("risk_management");
        assertThat(risk.get("trailing_stop")).isEqualTo(false);
        assertThat(config.get("timeframe")).isEqualTo("1d");
    }
}
