package com.sigmatiq.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StrategyConfigTest {

    static Pack pack;

    @BeforeAll
    static void load() {
        pack = PackLoader.load(TestData.pack("swingsigma"));
    }

    @Test
    void defaultsComeFromThePackAndDesign() {
        StrategyConfig c = StrategyConfig.defaults(pack, "momentum_swing");
        assertThat(c.threshold()).isEqualTo(1.0);
        assertThat(c.allowedHours()).isEqualTo(AllowedHours.ALL_DAY);
        assertThat(c.positionSizePct()).isNull();
        assertThat(c.stopLoss()).isEqualTo(0.08);
        assertThat(c.takeProfit()).isEqualTo(0.16);
        assertThat(c.trailingStop()).isEqualTo(0.05);
        assertThat(c.timeStopDays()).isEqualTo(10);
        assertThat(c.maxPositionPct()).isEqualTo(5);
        assertThat(c.minPositionPct()).isEqualTo(0.5);
        assertThat(c.slippageBps()).isEqualTo(2);
        assertThat(c.initialCapital()).isEqualTo(100_000);
        assertThat(c.params("rsi")[0]).isEqualTo(14);
    }

    @Test
    void theSeedsOverridesApply() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("rsi_period", 21);
        o.put("stop_loss_pct", 6);
        o.put("max_position_pct", 3);
        StrategyConfig c = StrategyConfig.resolve(pack, "momentum_swing", o);
        assertThat(c.params("rsi")[0]).isEqualTo(21);
        assertThat(c.stopLossPct()).isEqualTo(6);
        assertThat(c.maxPositionPct()).isEqualTo(3);
        assertThat(c.toMap()).containsEntry("rsi_period", 21L).containsEntry("stop_loss_pct", 6.0);
        assertThat(c.with("thresholds", 0.6).threshold()).isEqualTo(0.6);
        assertThat(c.with("allowed_hours", List.of(9, 10, 11)).allowedHours().toJson()).isEqualTo(List.of(9, 10, 11));
        assertThat(c.with("ema_20_period", 30).params("ema_20")[0]).isEqualTo(30);
        assertThat(c.with("macd_fast_period", 10).params("macd")[0]).isEqualTo(10);
        assertThat(c.with("bollinger_bands_std_dev", 2.5).params("bollinger_bands")[1]).isEqualTo(2.5);
    }

    @Test
    void unknownKeysListTheValidOnes() {
        StrategyConfig c = StrategyConfig.defaults(pack, "momentum_swing");
        assertThatThrownBy(() -> c.with("rsi_perod", 21)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.key()).isEqualTo("rsi_perod");
            assertThat(e.validChoices()).contains("rsi_period", "threshold", "stop_loss_pct", "ema_20_period");
            assertThat(e.getMessage()).contains("did you mean").contains("rsi_period");
        });
        assertThatThrownBy(() -> StrategyConfig.defaults(pack, "momentum")).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.validChoices()).containsExactly("momentum_swing", "mean_reversion_swing", "breakout_swing"));
    }

    @Test
    void valuesOutOfRangeAreRefused() {
        StrategyConfig c = StrategyConfig.defaults(pack, "momentum_swing");
        assertThatThrownBy(() -> c.with("threshold", 1.5)).hasMessageContaining("threshold must be from 0 to 1");
        assertThatThrownBy(() -> c.with("rsi_period", 1)).hasMessageContaining("rsi_period must be from 2");
        assertThatThrownBy(() -> c.with("rsi_period", 14.5)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> c.with("position_size_pct", 0)).hasMessageContaining("above 0");
        assertThatThrownBy(() -> c.with("stop_loss_pct", "six")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> c.with("allowed_hours", "evenings")).hasMessageContaining("morning_only");
        assertThatThrownBy(() -> c.with("allowed_hours", List.of(25))).hasMessageContaining("0 to 23");
    }
}
