package com.sigmatiq.sweep.messaging;

import com.sigmatiq.contracts.Topics;

/** Topics of sweep-service; {@code sweep.events} comes from contracts, the work topics are internal to the service. */
public final class SweepTopics {

    /**
     * Work chunks for the workers (consumer group {@value #WORKER_GROUP}); key = sweep id + first unit, sent to the
     * partitions in turn.
     */
    public static final String WORK = "sweep.work";
    /** Results for the coordinators; key = sweep id + first unit of the batch (spread over the partitions). */
    public static final String RESULTS = "sweep.results";
    public static final String EVENTS = Topics.SWEEP_EVENTS;
    public static final String WORKER_GROUP = "sweep-workers";

    private SweepTopics() {
    }
}
