package com.sigmatiq.model.domain;

import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seed's pack and create-model request (section 2.1) for domain tests. */
final class SeedFixtures {

    static final String OWNER = "0b6f3c1e-5a8d-4c7e-9f10-2d3e4f5a6b7c";

    private SeedFixtures() {
    }

    static Pack swingsigma() {
        Path p = Path.of("..", "packs", "swingsigma");
        return PackLoader.load(Files.isDirectory(p) ? p : Path.of("packs", "swingsigma"));
    }

    static Map<String, Object> seedOverrides() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("rsi_period", 21);
        o.put("stop_loss_pct", 6);
        o.put("max_position_pct", 3);
        return o;
    }

    static CreateModelCommand seedRequest() {
        return new CreateModelCommand(OWNER, "spy_swing_momentum_v1", "swingsigma", null, "SPY Momentum Swing",
                "My SPY swing trading model using momentum strategy", "stocks", "SPY", null, "momentum_swing",
                List.of("rsi", "macd", "adx", "ema_20", "ema_50", "bollinger_bands", "volume_ma"),
                List.of("rsi_divergence", "macd_cross", "trend_strength", "volume_surge", "momentum_composite"),
                "balanced", seedOverrides());
    }
}
