package com.sigmatiq.training.domain;

import java.util.UUID;

/** Hands a job to the workers ({@code training.jobs}). */
public interface JobPublisher {

    /** Sends the job's id; returns once the broker has it. */
    void publish(UUID jobId);
}
