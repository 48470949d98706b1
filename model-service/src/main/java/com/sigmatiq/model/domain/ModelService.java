package com.sigmatiq.model.domain;

import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.kit.web.problem.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The model use cases. Each change and its event are written in one database transaction
 * ({@link ModelEvents} records the event in it); reading the pack from pack-service happens before,
 * outside the transaction.
 */
@Service
public class ModelService {

    private final ModelRepository models;
    private final PackCatalog packs;
    private final ModelEvents events;
    private final PublicationRepository publications;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ModelService(ModelRepository models, PackCatalog packs, ModelEvents events, PublicationRepository publications,
                        TransactionTemplate tx, Clock clock) {
        this.models = models;
        this.packs = packs;
        this.events = events;
        this.publications = publications;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Validates the request against its pack, writes the model with its effective configuration in status
     * {@code created}, and records {@code model.created}.
     *
     * @throws ModelValidationException listing every problem with the request
     * @throws ModelConflictException   if the owner already has a model with this id
     */
    public Model create(CreateModelCommand c) {
        List<FieldError> errors = new ArrayList<>(ModelRequestValidator.checkFields(c));
        ValidatedModel validated = null;
        String version = null;
        if (c.packId() != null && !c.packId().isBlank()) {
            Optional<Pack> pack;
            if (c.packVersion() == null) {
                version = packs.latestVersion(c.packId()).orElse(null);
                pack = version == null ? Optional.empty() : packs.pack(c.packId(), version);
                if (pack.isEmpty()) {
                    errors.add(new FieldError("pack_id", "unknown pack '" + c.packId() + "'", packs.packIds()));
                }
            } else {
                version = c.packVersion();
                pack = packs.pack(c.packId(), version);
                if (pack.isEmpty()) {
                    errors.add(FieldError.of("pack_version", "no version '" + version + "' of pack '" + c.packId() + "'"));
                }
            }
            if (pack.isPresent()) {
                validated = ModelRequestValidator.checkAgainstPack(c, pack.get(), errors);
            }
        }
        if (!errors.isEmpty() || validated == null) {
            throw new ModelValidationException(errors);
        }

        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> config = ModelConfiguration.generate(c.modelId(), c.ownerId(), now, validated);
        Map<String, Object> overrides = c.parameterOverrides() == null ? Map.of() : new LinkedHashMap<>(c.parameterOverrides());
        Model model = new Model(c.ownerId(), c.modelId(), validated.pack().id(), validated.pack().version(), c.name(),
                c.description(), validated.instrument(), validated.ticker(), validated.timeframe().label(), c.strategyId(),
                validated.selectedIndicators(), validated.selectedFeatures(), validated.riskProfile(), overrides, config,
                ModelStatus.CREATED, now, now);
        return tx.execute(status -> {
            if (!models.insert(model)) {
                throw new ModelConflictException("you already have a model '" + c.modelId() + "'");
            }
            events.created(model);
            return model;
        });
    }

    public Model get(String ownerId, String modelId) {
        return models.find(ownerId, modelId).orElseThrow(() -> new ModelNotFoundException(modelId));
    }

    public List<Model> list(String ownerId) {
        return models.findAll(ownerId);
    }

    /**
     * Moves a model along its lifecycle and records {@code model.status_changed}. Asking for the status the
     * model already has changes nothing and records nothing (so a repeated request or event is harmless).
     *
     * @throws ModelConflictException if {@link ModelStatus#canMoveTo} forbids the move
     */
    public Model changeStatus(String ownerId, String modelId, ModelStatus next) {
        return tx.execute(status -> {
            Model current = models.findForUpdate(ownerId, modelId).orElseThrow(() -> new ModelNotFoundException(modelId));
            if (current.status() == next) {
                return current;
            }
            if (!current.status().canMoveTo(next)) {
                throw new ModelConflictException("a model in status '" + current.status().label() + "' cannot move to '"
                        + next.label() + "'; allowed: " + current.status().nextStatuses().stream().map(ModelStatus::label).toList());
            }
            Model changed = current.withStatus(next, Instant.now(clock));
            models.updateStatus(changed);
            events.statusChanged(changed, current.status());
            return changed;
        });
    }

    /**
     * A sweep of the model finished: a model still in {@code created} moves to {@code swept} (recording
     * {@code model.status_changed}); a model already further along, or gone, is left as it is. Safe to repeat.
     *
     * @return whether the model moved
     */
    public boolean sweepCompleted(String ownerId, String modelId) {
        Boolean moved = tx.execute(status -> {
            Model current = models.findForUpdate(ownerId, modelId).orElse(null);
            if (current == null || current.status() != ModelStatus.CREATED) {
                return false;
            }
            Model changed = current.withStatus(ModelStatus.SWEPT, Instant.now(clock));
            models.updateStatus(changed);
            events.statusChanged(changed, current.status());
            return true;
        });
        return Boolean.TRUE.equals(moved);
    }

    /**
     * A training job of the model stored its result: a model in {@code swept} moves to {@code trained} (recording
     * {@code model.status_changed}); one still in {@code created} moves through {@code swept} to {@code trained} (two
     * changes recorded), since training needs a completed sweep: the sweep's own event, on another topic from another
     * service, is only late (a restart of sweep-service delays it), and when it comes it finds the model further along
     * and leaves it. Any other model is left as it is. Safe to repeat.
     *
     * @return the status the model had when the event arrived (it moved iff that is {@code swept} or {@code created});
     *         empty if the owner has no such model
     */
    public Optional<ModelStatus> trainingCompleted(String ownerId, String modelId) {
        return tx.execute(status -> {
            Model current = models.findForUpdate(ownerId, modelId).orElse(null);
            if (current == null) {
                return Optional.<ModelStatus>empty();
            }
            Model at = current;
            if (at.status() == ModelStatus.CREATED) {
                Model swept = at.withStatus(ModelStatus.SWEPT, Instant.now(clock));
                models.updateStatus(swept);
                events.statusChanged(swept, at.status());
                at = swept;
            }
            if (at.status() == ModelStatus.SWEPT) {
                Model changed = at.withStatus(ModelStatus.TRAINED, Instant.now(clock));
                models.updateStatus(changed);
                events.statusChanged(changed, at.status());
            }
            return Optional.of(current.status());
        });
    }

    /**
     * Deletes a model and records {@code model.deleted}. A live model must be retired first, and so must every
     * publication of the model (an alert runtime may still be following it).
     */
    public void delete(String ownerId, String modelId) {
        tx.executeWithoutResult(status -> {
            Model current = models.findForUpdate(ownerId, modelId).orElseThrow(() -> new ModelNotFoundException(modelId));
            if (current.status() == ModelStatus.LIVE) {
                throw new ModelConflictException("model '" + modelId + "' is live; retire it before deleting it");
            }
            List<String> active = publications.activeOfModel(ownerId, modelId);
            if (!active.isEmpty()) {
                throw new ModelConflictException("model '" + modelId + "' has publications that are not retired: " + active
                        + "; retire them (POST /published-models/{id}/retire) before deleting it");
            }
            models.delete(current);
            events.deleted(current);
        });
    }
}
