package com.sigmatiq.sweep.messaging;

import com.sigmatiq.sweep.domain.SweepCoordinator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Coordinator duties outside message handling: resume unfinished sweeps at start, then watch for stalls. */
@Component
@ConditionalOnProperty(name = "sigmatiq.sweep.coordinator.enabled", havingValue = "true", matchIfMissing = true)
class CoordinatorSchedule {

    private final SweepCoordinator coordinator;

    CoordinatorSchedule(SweepCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAfterStart() {
        coordinator.resumeAll();
    }

    @Scheduled(initialDelayString = "${sigmatiq.sweep.coordinator.watch-interval:10s}",
            fixedDelayString = "${sigmatiq.sweep.coordinator.watch-interval:10s}")
    void watch() {
        coordinator.resumeStalled();
    }
}
