package com.sigmatiq.sim.domain;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Completes the periods whose settle time has passed, every {@code sigmatiq.sim.settle-interval}. */
@Component
class PeriodSettler {

    private final PaperTrading paper;

    PeriodSettler(PaperTrading paper) {
        this.paper = paper;
    }

    @Scheduled(fixedDelayString = "${sigmatiq.sim.settle-interval:500ms}")
    void settle() {
        paper.settle();
    }
}
