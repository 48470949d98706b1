package com.sigmatiq.model.domain;

import java.util.List;
import java.util.Optional;

/** Stored publications and their status history, always looked up by owner. */
public interface PublicationRepository {

    /**
     * Writes a new publication with its history.
     *
     * @return false if the owner already has a publication of this trained model that is not retired (nothing is
     *         written)
     */
    boolean insert(Publication publication);

    Optional<Publication> find(String ownerId, String publishedId);

    /** As {@link #find}, locking the row until the transaction ends. */
    Optional<Publication> findForUpdate(String ownerId, String publishedId);

    /** The owner's publications, newest first. */
    List<Publication> findAll(String ownerId);

    /** The id of the owner's publication of this trained model that is not retired, if any. */
    Optional<String> activeFor(String ownerId, String trainedModelId);

    /** Ids of the owner's publications of this model that are not retired. */
    List<String> activeOfModel(String ownerId, String modelId);

    /** Stores the publication's new status and appends the last entry of its history. */
    void updateStatus(Publication publication);
}
