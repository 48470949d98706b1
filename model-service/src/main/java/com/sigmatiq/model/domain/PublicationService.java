package com.sigmatiq.model.domain;

import com.sigmatiq.kit.web.problem.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing trained models and moving publications along their lifecycle ({@link PublicationStatus}). Reading the
 * trained model from training-service happens before, outside the transaction; each change, the model's own move and
 * their events are written in one transaction (outbox).
 *
 * <p>A model may have several publications, but a trained model at most one that is not retired. Publishing moves
 * the model from {@code trained} to {@code paper_trading} or {@code alerting}; a model already further along keeps
 * its status (its other publication set it), and a retired model cannot be published.
 */
@Service
public class PublicationService {

    /** The actions of {@code POST /published-models/{id}/<action>}. */
    public enum Action {
        PAUSE, RESUME, RETIRE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final PublicationRepository publications;
    private final ModelRepository models;
    private final TrainedModels trainedModels;
    private final PublicationEvents events;
    private final ModelEvents modelEvents;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final GoLiveRepository goLive;

    public PublicationService(PublicationRepository publications, ModelRepository models, TrainedModels trainedModels,
                              PublicationEvents events, ModelEvents modelEvents, TransactionTemplate tx, Clock clock,
                              GoLiveRepository goLive) {
        this.publications = publications;
        this.models = models;
        this.trainedModels = trainedModels;
        this.events = events;
        this.modelEvents = modelEvents;
        this.tx = tx;
        this.clock = clock;
        this.goLive = goLive;
    }

    /**
     * Checks the request (asking training-service for the caller's trained model), stores the publication in status
     * {@code paper_trading} (or {@code alerting} without paper trading) with its paper period, moves a {@code trained}
     * model on, and records {@code model.published} (and {@code model.status_changed} when the model moved).
     *
     * @throws PublishValidationException   listing every problem with the request
     * @throws PublicationConflictException if the trained model already has a publication that is not retired
     */
    public Publication publish(PublishCommand c) {
        List<FieldError> errors = new ArrayList<>(PublicationRequestValidator.checkFields(c));
        Feed feed = PublicationRequestValidator.feed(c.feed(), new ArrayList<>());
        TrainedModel trained = null;
        if (errors.stream().noneMatch(e -> e.field().equals("trained_model_id"))) {
            trained = trainedModels.find(c.trainedModelId()).orElse(null);
            if (trained == null) {
                errors.add(FieldError.of("trained_model_id", "you have no completed trained model '" + c.trainedModelId()
                        + "' (GET /training/trained-models lists yours)"));
            }
        }
        Model model = null;
        if (trained != null) {
            model = models.find(c.ownerId(), trained.modelId()).orElse(null);
            if (model == null) {
                errors.add(FieldError.of("trained_model_id", "its model '" + trained.modelId() + "' no longer exists"));
            } else if (model.status() == ModelStatus.RETIRED) {
                errors.add(FieldError.of("trained_model_id", "its model '" + trained.modelId() + "' is retired"));
            }
            if (c.settingsGiven() && c.alertFrequency() != null) {
                Optional<String> timeframe = AlertFrequency.timeframe(c.alertFrequency());
                if (timeframe.isPresent() && !timeframe.get().equals(trained.timeframe())) {
                    errors.add(FieldError.of("publish_settings.alert_frequency", "'" + c.alertFrequency() + "' means "
                            + timeframe.get() + " bars, but the model's timeframe is " + trained.timeframe()
                            + "; alerts come once per bar of the model's timeframe"));
                }
            }
        }
        if (!errors.isEmpty() || trained == null || feed == null) {
            throw new PublishValidationException(errors);
        }

        boolean paperFirst = PublicationRequestValidator.paperFirst(c);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        PaperPeriod period = paperFirst ? PaperPeriod.of(now, c.paperTradeDurationDays()) : null;
        PublicationStatus status = paperFirst ? PublicationStatus.PAPER_TRADING : PublicationStatus.ALERTING;
        PublishSettings settings = new PublishSettings(c.name().trim(), c.description(),
                c.alertFrequency() == null ? trained.timeframe() : c.alertFrequency(), c.maxAlertsPerDay(), paperFirst,
                paperFirst ? c.paperTradeDurationDays() : null,
                PublicationRequestValidator.recommendationRules(c.recommendationRules(), new ArrayList<>()));
        String id = "pub_" + UUID.randomUUID().toString().replace("-", "");
        Publication publication = new Publication(c.ownerId(), id, trained, settings,
                c.paperEquity() == null ? PublicationRequestValidator.DEFAULT_PAPER_EQUITY : c.paperEquity(), feed, status,
                null, period == null ? null : period.start(), period == null ? null : period.end(),
                period == null ? null : period.end(), now, now, List.of(new StatusChange(null, status, now, "published")), null);
        TrainedModel frozen = trained;
        return tx.execute(s -> {
            if (!publications.insert(publication)) {
                throw new PublicationConflictException("trained model '" + frozen.id() + "' is already published as '"
                        + publications.activeFor(c.ownerId(), frozen.id()).orElse("?") + "'; retire that one first");
            }
            Model current = models.findForUpdate(c.ownerId(), frozen.modelId())
                    .orElseThrow(() -> new PublishValidationException(List.of(FieldError.of("trained_model_id",
                            "its model '" + frozen.modelId() + "' no longer exists"))));
            if (current.status() == ModelStatus.RETIRED) {
                throw new PublishValidationException(List.of(FieldError.of("trained_model_id",
                        "its model '" + frozen.modelId() + "' is retired")));
            }
            events.published(publication);
            if (current.status() == ModelStatus.TRAINED) {
                ModelStatus next = status == PublicationStatus.PAPER_TRADING ? ModelStatus.PAPER_TRADING : ModelStatus.ALERTING;
                Model moved = current.withStatus(next, now);
                models.updateStatus(moved);
                modelEvents.statusChanged(moved, current.status());
            }
            return publication;
        });
    }

    public Publication get(String ownerId, String publishedId) {
        return publications.find(ownerId, publishedId).orElseThrow(() -> new PublicationNotFoundException(publishedId));
    }

    /** The owner's publications, newest first. */
    public List<Publication> list(String ownerId) {
        return publications.findAll(ownerId);
    }

    /**
     * Pauses, resumes (to the status it was paused from) or retires a publication, appending the change to its history
     * and recording {@code model.publication_status_changed}.
     *
     * @param reason the owner's words, or null for the action's own ("paused by owner", …)
     * @throws PublicationConflictException naming the allowed transitions when the lifecycle forbids it
     */
    public Publication act(String ownerId, String publishedId, Action action, String reason) {
        return tx.execute(s -> {
            Publication current = publications.findForUpdate(ownerId, publishedId)
                    .orElseThrow(() -> new PublicationNotFoundException(publishedId));
            PublicationStatus next = switch (action) {
                case PAUSE -> PublicationStatus.PAUSED;
                case RESUME -> current.status() == PublicationStatus.PAUSED ? current.pausedFrom() : null;
                case RETIRE -> PublicationStatus.RETIRED;
            };
            if (next == null || !current.status().canMoveTo(next, current.pausedFrom())) {
                throw new PublicationConflictException("published model '" + publishedId + "' is " + current.status().label()
                        + " and cannot " + action.label() + (next == null ? "" : " (to " + next.label() + ")")
                        + "; allowed transitions: " + labels(current.allowedTransitions()) + ", actions: "
                        + allowedActions(current).stream().map(Action::label).toList());
            }
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            Publication moved = current.moved(next, now, reason == null || reason.isBlank()
                    ? (action == Action.RESUME ? "resumed" : action == Action.PAUSE ? "paused" : "retired") + " by owner"
                    : reason.trim());
            publications.updateStatus(moved);
            events.statusChanged(moved);
            return moved;
        });
    }

    /**
     * sim-service ended the publication's paper period with {@code recommendation} ({@code paper.completed}): a
     * publication still {@code paper_trading} moves to {@code paper_complete} with it (announced), and its model too
     * when it was {@code paper_trading}. A publication elsewhere (paused, retired, already complete) is left as it is.
     *
     * @return the publication's status before, or empty when the owner has no such publication
     */
    public Optional<PublicationStatus> paperCompleted(String ownerId, String publishedId, String recommendation) {
        return tx.execute(s -> {
            Optional<Publication> found = publications.findForUpdate(ownerId, publishedId);
            if (found.isEmpty()) {
                return Optional.<PublicationStatus>empty();
            }
            Publication current = found.get();
            if (current.status() != PublicationStatus.PAPER_TRADING) {
                return Optional.of(current.status());
            }
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            Publication moved = current.paperCompleted(now, recommendation);
            publications.updateStatus(moved);
            events.statusChanged(moved);
            models.findForUpdate(ownerId, current.modelId()).ifPresent(model -> {
                if (model.status() == ModelStatus.PAPER_TRADING) {
                    Model next = model.withStatus(ModelStatus.PAPER_COMPLETE, now);
                    models.updateStatus(next);
                    modelEvents.statusChanged(next, model.status());
                }
            });
            return Optional.of(current.status());
        });
    }

    /**
     * pilot-service approved the publication for live trading from {@code goLiveAt} ({@code pilot.live_trading_approved}):
     * a {@code paper_complete} publication recommended {@code APPROVE_FOR_LIVE_TRADING} moves to {@code live} now if the
     * date has come (announced; its model too when {@code paper_complete}), else when it comes ({@link #goLiveDue()}).
     * A publication still {@code paper_trading} keeps the approval pending: pilot-service approves only after it heard
     * sim-service's recommendation, and {@code paper.completed} can reach this service after the approval (two topics,
     * read by two consumers; e.g. after a restart); {@link #goLiveDue()} tries again until it has come. A publication
     * elsewhere, or with another recommendation, is left as it is.
     *
     * @return the publication's status before, or empty when the owner has no such publication
     */
    public Optional<PublicationStatus> approvedForLive(String ownerId, String publishedId, Instant goLiveAt) {
        return tx.execute(s -> {
            Optional<Publication> found = publications.findForUpdate(ownerId, publishedId);
            if (found.isEmpty()) {
                return Optional.<PublicationStatus>empty();
            }
            Publication current = found.get();
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            if (current.status() == PublicationStatus.PAPER_TRADING) {
                goLive.save(new GoLiveRepository.PendingGoLive(ownerId, publishedId, goLiveAt), now);
                return Optional.of(current.status());
            }
            if (current.status() != PublicationStatus.PAPER_COMPLETE
                    || !"APPROVE_FOR_LIVE_TRADING".equals(current.paperRecommendation())) {
                goLive.delete(publishedId);
                return Optional.of(current.status());
            }
            if (goLiveAt.isAfter(now)) {
                goLive.save(new GoLiveRepository.PendingGoLive(ownerId, publishedId, goLiveAt), now);
                return Optional.of(current.status());
            }
            Publication moved = current.moved(PublicationStatus.LIVE, now, "approved for live trading");
            publications.updateStatus(moved);
            events.statusChanged(moved);
            goLive.delete(publishedId);
            models.findForUpdate(ownerId, current.modelId()).ifPresent(model -> {
                if (model.status() == ModelStatus.PAPER_COMPLETE) {
                    Model next = model.withStatus(ModelStatus.LIVE, now);
                    models.updateStatus(next);
                    modelEvents.statusChanged(next, model.status());
                }
            });
            return Optional.of(current.status());
        });
    }

    /** Moves every approved publication whose go-live date has come to {@code live}; how many were looked at. */
    public int goLiveDue() {
        List<GoLiveRepository.PendingGoLive> due = goLive.due(Instant.now(clock));
        for (GoLiveRepository.PendingGoLive p : due) {
            approvedForLive(p.ownerId(), p.publishedId(), p.goLiveAt());
        }
        return due.size();
    }

    /** The actions a publication in its current status accepts. */
    public static List<Action> allowedActions(Publication p) {
        List<Action> actions = new ArrayList<>();
        if (p.status().canMoveTo(PublicationStatus.PAUSED, p.pausedFrom())) {
            actions.add(Action.PAUSE);
        }
        if (p.status() == PublicationStatus.PAUSED) {
            actions.add(Action.RESUME);
        }
        if (p.status().canMoveTo(PublicationStatus.RETIRED, p.pausedFrom())) {
            actions.add(Action.RETIRE);
        }
        return actions;
    }

    private static List<String> labels(List<PublicationStatus> statuses) {
        return statuses.stream().map(PublicationStatus::label).toList();
    }
}
