package com.sigmatiq.training.domain;

import com.sigmatiq.ml.TrainingReport;

/** Publishes {@code training.completed} in the caller's transaction (the outbox). */
public interface TrainingEventPublisher {

    void completed(Job job, TrainingReport report);
}
