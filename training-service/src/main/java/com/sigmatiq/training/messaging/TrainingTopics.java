package com.sigmatiq.training.messaging;

import com.sigmatiq.contracts.Topics;

/** Topic and group names of training-service. */
public final class TrainingTopics {

    /** Job ids for the workers (consumer group {@value #WORKER_GROUP}); key = job id. */
    public static final String JOBS = "training.jobs";
    public static final String EVENTS = Topics.TRAINING_EVENTS;
    public static final String WORKER_GROUP = "training-workers";

    private TrainingTopics() {
    }
}
