package com.sigmatiq.sweep.domain;

/** Sweep lifecycle events ({@code sweep.events}); returns once the broker has them. */
public interface SweepEventPublisher {

    void completed(SweepState sweep, Long bestComboId, Double bestSharpe);
}
