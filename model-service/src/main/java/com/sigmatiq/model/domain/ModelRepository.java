package com.sigmatiq.model.domain;

import java.util.List;
import java.util.Optional;

/** Stored models, always looked up by owner: another user's model does not exist for the caller. */
public interface ModelRepository {

    /** @return false if the owner already has a model with this id (nothing is written) */
    boolean insert(Model model);

    Optional<Model> find(String ownerId, String modelId);

    /** As {@link #find}, locking the row until the transaction ends. */
    Optional<Model> findForUpdate(String ownerId, String modelId);

    /** The owner's models, oldest first. */
    List<Model> findAll(String ownerId);

    void updateStatus(Model model);

    void delete(Model model);
}
