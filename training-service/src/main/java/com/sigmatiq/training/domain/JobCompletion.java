package com.sigmatiq.training.domain;

import com.sigmatiq.ml.TrainingReport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Result, artifacts, status and {@code training.completed} of a job: all in one transaction, or none. */
@Component
public class JobCompletion {

    private final JobRepository repository;
    private final TrainingEventPublisher events;
    private final JobCodec codec;
    private final Clock clock;

    public JobCompletion(JobRepository repository, TrainingEventPublisher events, JobCodec codec, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.codec = codec;
        this.clock = clock;
    }

    /** @return whether this call stored the result (false: the job was already completed) */
    @Transactional
    public boolean complete(Job job, TrainingReport report, Map<String, byte[]> artifacts, List<StepProgress> progress) {
        if (!repository.complete(job.id(), job.ownerId(), codec.write(report), artifacts, progress, clock.instant())) {
            return false;
        }
        events.completed(job, report);
        return true;
    }
}
