package com.sigmatiq.training.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sigmatiq.training.*}.
 *
 * @param maxSelected    most configurations one request may select
 * @param jobPartitions  partitions of {@code training.jobs} when this service creates it (at most this many workers
 *                       train at once)
 * @param worker         this instance's workers
 * @param watch          the watch that sends again jobs whose message was lost or whose worker went silent
 */
@ConfigurationProperties("sigmatiq.training")
public record TrainingProperties(@DefaultValue("10") int maxSelected, @DefaultValue("6") int jobPartitions,
                                 @DefaultValue Worker worker, @DefaultValue Watch watch) {

    /**
     * @param enabled          train jobs from {@code training.jobs}
     * @param concurrency      jobs trained in parallel by this instance
     * @param sessionTimeoutMs a worker that stops heart-beating (killed) loses its job to another after this long
     */
    public record Worker(@DefaultValue("true") boolean enabled, @DefaultValue("1") int concurrency,
                         @DefaultValue("10000") int sessionTimeoutMs) {
    }

    /**
     * @param enabled   run the watch in this instance
     * @param interval  how often it looks
     * @param queuedFor a job still queued after this long is sent again
     * @param silentFor a training job whose worker reported nothing for this long is sent again
     */
    public record Watch(@DefaultValue("true") boolean enabled, @DefaultValue("15s") Duration interval,
                        @DefaultValue("60s") Duration queuedFor, @DefaultValue("10m") Duration silentFor) {
    }
}
