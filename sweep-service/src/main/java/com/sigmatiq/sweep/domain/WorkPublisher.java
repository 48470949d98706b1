package com.sigmatiq.sweep.domain;

import java.util.List;

/** Sends work chunks to the workers ({@code sweep.work}); returns once the broker has them. */
public interface WorkPublisher {

    void publish(List<WorkChunk> chunks);
}
