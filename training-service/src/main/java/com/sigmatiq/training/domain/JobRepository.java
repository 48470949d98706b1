package com.sigmatiq.training.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Jobs, their inputs, results and artifacts (schema {@code training}). */
public interface JobRepository {

    /**
     * Stores the inputs and the jobs in one transaction; each job gets the next number of its owner's model
     * ({@code <model_id>_trained_<NNN>}).
     *
     * @return the stored jobs, in the order given
     */
    List<Job> create(UUID inputsId, String ownerId, JobInputs inputs, List<NewJob> jobs, Instant now);

    Optional<Job> find(UUID id);

    /** The job if {@code ownerId} owns it. */
    Optional<Job> find(UUID id, String ownerId);

    JobInputs inputs(UUID inputsId);

    /** A worker starts (or starts again) the job: status training, every step pending, one more attempt. */
    void started(UUID id, String worker, Instant now);

    /** A step's progress; also the worker's sign of life. */
    void progress(UUID id, List<StepProgress> progress, Instant now);

    /**
     * Stores the result and the artifacts and marks the job completed, unless it already is.
     *
     * @return whether this call completed it (false: another attempt already had)
     */
    boolean complete(UUID id, String ownerId, String reportJson, Map<String, byte[]> artifacts,
                     List<StepProgress> progress, Instant now);

    /** Marks the job failed with {@code error}, unless it is already completed. */
    void fail(UUID id, String error, Instant now);

    /** The stored result (report JSON) of a completed job. */
    Optional<String> result(UUID jobId);

    /** Trained models of {@code ownerId}, newest first; of one model when {@code modelId} is not null. */
    List<TrainedModelSummary> trainedModels(String ownerId, String modelId);

    /** The job behind a trained model of {@code ownerId}. */
    Optional<Job> findByTrainedModel(String ownerId, String trainedModelId);

    List<Artifact> artifacts(UUID jobId);

    Optional<byte[]> artifact(UUID jobId, String name);

    /** Jobs queued since before {@code queuedBefore}, or training without a sign of life since {@code silentSince}. */
    List<UUID> stalled(Instant queuedBefore, Instant silentSince);
}
