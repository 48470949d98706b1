package com.sigmatiq.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.strategy.ConfigException;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SweepGridTest {

    static StrategyConfig base;

    @BeforeAll
    static void load() {
        Pack pack = PackLoader.load(TestData.pack("swingsigma"));
        base = StrategyConfig.resolve(pack, "momentum_swing", Map.of("rsi_period", 21, "stop_loss_pct", 6, "max_position_pct", 3));
    }

    static Map<String, List<?>> simple() {
        Map<String, List<?>> p = new LinkedHashMap<>();
        p.put("thresholds", List.of(0.50, 0.55, 0.60, 0.65, 0.70));
        p.put("allowed_hours", List.of("all_day", "morning_only", "afternoon_only"));
        p.put("position_size_pct", List.of(1, 2, 3));
        return p;
    }

    static Map<String, List<?>> custom() {
        Map<String, List<?>> p = new LinkedHashMap<>();
        p.put("thresholds", List.of(0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75));
        p.put("allowed_hours", List.of(List.of(9, 10), List.of(9, 10, 11), List.of(13, 14, 15), List.of(14, 15, 16), "all_day"));
        p.put("position_size_pct", List.of(1, 2, 3, 4, 5));
        p.put("rsi_period", List.of(14, 21, 28));
        p.put("stop_loss_pct", List.of(4, 6, 8, 10));
        p.put("take_profit_pct", List.of(12, 16, 20));
        p.put("trailing_stop_pct", List.of(3, 5, 7));
        return p;
    }

    @Test
    void theSeedsSweepsHave45And37800Combinations() {
        assertThat(SweepGrid.of(base, simple()).size()).isEqualTo(45);
        assertThat(SweepGrid.of(base, custom()).size()).isEqualTo(7L * 5 * 5 * 3 * 4 * 3 * 3);
    }

    @Test
    void cartesianOrderWithTheLastParameterFastestFromComboOne() {
        SweepGrid g = SweepGrid.of(base, simple());
        assertThat(g.values(1)).containsExactly(Map.entry("threshold", 0.50), Map.entry("allowed_hours", "all_day"), Map.entry("position_size_pct", 1));
        assertThat(g.values(2)).containsEntry("position_size_pct", 2).containsEntry("allowed_hours", "all_day");
        assertThat(g.values(4)).containsEntry("allowed_hours", "morning_only").containsEntry("position_size_pct", 1);
        assertThat(g.values(10)).containsEntry("threshold", 0.55).containsEntry("allowed_hours", "all_day");
        assertThat(g.values(45)).containsEntry("threshold", 0.70).containsEntry("allowed_hours", "afternoon_only").containsEntry("position_size_pct", 3);
        StrategyConfig c = g.config(15); // index 14 = 1*9 + 1*3 + 2: threshold 0.55, morning_only, 3%
        assertThat(c.threshold()).isEqualTo(0.55);
        assertThat(c.allowedHours().label()).isEqualTo("morning_only");
        assertThat(c.positionSizePct()).isEqualTo(3);
        assertThat(c.params("rsi")[0]).isEqualTo(21); // the model's override stays under the grid
        assertThatThrownBy(() -> g.values(46)).hasMessageContaining("1..45");
    }

    @Test
    void configHashIsStableAndTellsConfigurationsApart() {
        SweepGrid g = SweepGrid.of(base, custom());
        String h = SweepGrid.configHash(g.config(1234));
        assertThat(h).hasSize(16).isEqualTo(SweepGrid.configHash(SweepGrid.of(base, custom()).config(1234)));
        assertThat(SweepGrid.configHash(g.config(1235))).isNotEqualTo(h);
        // the same configuration reached by another route hashes the same
        StrategyConfig direct = base;
        for (Map.Entry<String, Object> e : g.values(1234).entrySet()) {
            direct = direct.with(e.getKey(), e.getValue());
        }
        assertThat(SweepGrid.configHash(direct)).isEqualTo(h);
    }

    @Test
    void badParametersAreRefusedByName() {
        Map<String, List<?>> unknown = new LinkedHashMap<>(simple());
        unknown.put("rsi_perid", List.of(14));
        assertThatThrownBy(() -> SweepGrid.of(base, unknown)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.validChoices()).contains("rsi_period", "stop_loss_pct"));
        Map<String, List<?>> empty = new LinkedHashMap<>(simple());
        empty.put("stop_loss_pct", List.of());
        assertThatThrownBy(() -> SweepGrid.of(base, empty)).hasMessageContaining("stop_loss_pct").hasMessageContaining("at least one value");
        Map<String, List<?>> bad = new LinkedHashMap<>(simple());
        bad.put("threshold", List.of(0.5, 2));
        assertThatThrownBy(() -> SweepGrid.of(base, bad)).hasMessageContaining("given twice");
        Map<String, List<?>> range = new LinkedHashMap<>();
        range.put("rsi_period", List.of(14, 0));
        assertThatThrownBy(() -> SweepGrid.of(base, range)).hasMessageContaining("rsi_period[1]");
    }
}
