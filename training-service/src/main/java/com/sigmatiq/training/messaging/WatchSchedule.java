package com.sigmatiq.training.messaging;

import com.sigmatiq.training.domain.TrainingWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link TrainingWatch} every {@code sigmatiq.training.watch.interval}. */
@Component
@ConditionalOnProperty(name = "sigmatiq.training.watch.enabled", havingValue = "true", matchIfMissing = true)
class WatchSchedule {

    private static final Logger log = LoggerFactory.getLogger(WatchSchedule.class);

    private final TrainingWatch watch;

    WatchSchedule(TrainingWatch watch) {
        this.watch = watch;
    }

    @Scheduled(initialDelayString = "${sigmatiq.training.watch.interval:15s}",
            fixedDelayString = "${sigmatiq.training.watch.interval:15s}")
    void watch() {
        try {
            watch.resendStalled();
        } catch (RuntimeException e) {
            log.warn("training watch: {}", e.getMessage());
        }
    }
}
