package com.sigmatiq.sweep.domain;

/** Sends a worker's results to the coordinators ({@code sweep.results}); returns once the broker has them. */
public interface ResultPublisher {

    void publish(ResultBatch batch);
}
