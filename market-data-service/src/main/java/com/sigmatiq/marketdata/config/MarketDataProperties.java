package com.sigmatiq.marketdata.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code sigmatiq.marketdata.*}.
 *
 * @param bootstrapDir      folder of bar files imported at start (local mode: {@code data/market}); empty = none
 * @param bootstrapManifest how each bootstrap file is read
 * @param maxJsonBars       largest JSON answer of a range query; larger ranges use the CSV or binary stream
 * @param feed              the bar feed
 */
@ConfigurationProperties("sigmatiq.marketdata")
public record MarketDataProperties(String bootstrapDir,
                                   @DefaultValue("classpath:bootstrap-manifest.yaml") String bootstrapManifest,
                                   @DefaultValue("200000") int maxJsonBars,
                                   @DefaultValue Feed feed) {

    /**
     * @param partitions  partitions of each {@code market.bars.<timeframe>} topic created at start
     * @param cursorEvery the replay cursor is saved after this many acknowledged events (and at least every second)
     * @param retryMin    first wait of a replay interrupted by an unreachable database or broker before it resumes
     *                    from its saved cursor; doubled after each failed attempt
     * @param retryMax    longest such wait
     */
    public record Feed(@DefaultValue("3") int partitions, @DefaultValue("2000") int cursorEvery,
                       @DefaultValue("500ms") Duration retryMin, @DefaultValue("30s") Duration retryMax) {
    }
}
