package com.sigmatiq.training.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.training.TrainingCompleted;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventOutbox;
import com.sigmatiq.ml.TrainingReport;
import com.sigmatiq.training.domain.Job;
import com.sigmatiq.training.domain.TrainingEventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@code training.completed} through the kit's outbox, in the completing transaction. */
@Component
class TrainingEventsOutbox implements TrainingEventPublisher {

    private final EventOutbox outbox;
    private final Clock clock;

    TrainingEventsOutbox(EventOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void completed(Job job, TrainingReport report) {
        Instant now = clock.instant();
        TrainingCompleted payload = new TrainingCompleted(job.id().toString(), job.modelId(), job.trainedModelId(),
                job.comboId(), job.sweepId(), job.sharpeBacktest(), report.sharpeValidation(),
                report.metrics().validation().aucRoc(), now);
        EventEnvelope<TrainingCompleted> event = EventCatalog.envelope(completionId(job.id()), payload, job.ownerId(),
                job.id().toString(), now);
        outbox.publish(event);
    }

    /** The event id of a job's {@code training.completed}: the same for every attempt. */
    static UUID completionId(UUID jobId) {
        return UUID.nameUUIDFromBytes(("training.completed:" + jobId).getBytes(StandardCharsets.UTF_8));
    }
}
