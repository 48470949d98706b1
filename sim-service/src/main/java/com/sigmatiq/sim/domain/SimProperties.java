package com.sigmatiq.sim.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sigmatiq.sim.*}.
 *
 * @param settleAfter    after a period's last bar, how long to wait for alerts of its bars still on their way (wall
 *                       time; a later alert waits again), before the recommendation
 * @param settleInterval how often settled periods are looked for
 * @param settleMaxWait  how long a settled period waits for alert-service to have made, and sent here, every alert of
 *                       its bars (it may be down or behind) before it is completed with what it has
 * @param recommendation the default recommendation rules ({@code docs/paper.md})
 */
@ConfigurationProperties("sigmatiq.sim")
public record SimProperties(@DefaultValue("5s") Duration settleAfter, @DefaultValue("500ms") Duration settleInterval,
                            @DefaultValue("15m") Duration settleMaxWait, @DefaultValue Rules recommendation) {

    /** The defaults of {@link RecommendationRules}. */
    public record Rules(@DefaultValue("5") int minTrades, @DefaultValue("0.10") double winRateTolerance,
                        @DefaultValue("0.5") double sharpeFractionOfBacktest, @DefaultValue("0.10") double maxDrawdown,
                        @DefaultValue("0") int maxReconciliationMismatches) {

        public RecommendationRules toRules() {
            return new RecommendationRules(minTrades, winRateTolerance, sharpeFractionOfBacktest, maxDrawdown,
                    maxReconciliationMismatches);
        }
    }
}
