package com.sigmatiq.contracts;

import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.contracts.model.ModelCreated;
import com.sigmatiq.contracts.model.ModelDeleted;
import com.sigmatiq.contracts.model.ModelPublished;
import com.sigmatiq.contracts.model.ModelStatusChanged;
import com.sigmatiq.contracts.model.PublicationStatusChanged;
import com.sigmatiq.contracts.paper.PaperCompleted;
import com.sigmatiq.contracts.pilot.LiveTradingApproved;
import com.sigmatiq.contracts.sweep.SweepCompleted;
import com.sigmatiq.contracts.training.TrainingCompleted;

/**
 * Every event type of the platform: the envelope's {@code type} name, the payload record it carries and the topic it
 * travels on. A new event is a new payload record plus one constant here; a reader that meets a type name it does not
 * list here (a newer producer) keeps the payload untyped instead of failing.
 */
public enum EventType {

    MODEL_CREATED(ModelCreated.TYPE, ModelCreated.class, Topics.MODEL_EVENTS),
    MODEL_STATUS_CHANGED(ModelStatusChanged.TYPE, ModelStatusChanged.class, Topics.MODEL_EVENTS),
    MODEL_DELETED(ModelDeleted.TYPE, ModelDeleted.class, Topics.MODEL_EVENTS),
    MODEL_PUBLISHED(ModelPublished.TYPE, ModelPublished.class, Topics.MODEL_EVENTS),
    PUBLICATION_STATUS_CHANGED(PublicationStatusChanged.TYPE, PublicationStatusChanged.class, Topics.MODEL_EVENTS),
    SWEEP_COMPLETED(SweepCompleted.TYPE, SweepCompleted.class, Topics.SWEEP_EVENTS),
    TRAINING_COMPLETED(TrainingCompleted.TYPE, TrainingCompleted.class, Topics.TRAINING_EVENTS),
    PAPER_COMPLETED(PaperCompleted.TYPE, PaperCompleted.class, Topics.PAPER_EVENTS),
    LIVE_TRADING_APPROVED(LiveTradingApproved.TYPE, LiveTradingApproved.class, Topics.PILOT_EVENTS),
    /** Topic {@code market.bars.<timeframe>} of the bar: {@link #topic()} is null. */
    BAR_CLOSED(BarClosed.TYPE, BarClosed.class, null);

    private final String typeName;
    private final Class<?> payloadType;
    private final String topic;

    EventType(String typeName, Class<?> payloadType, String topic) {
        this.typeName = typeName;
        this.payloadType = payloadType;
        this.topic = topic;
    }

    /** The envelope's {@code type}, e.g. {@code model.created}: the payload record's {@code TYPE} constant. */
    public String typeName() {
        return typeName;
    }

    /** The payload record, e.g. {@code ModelCreated.class}. */
    public Class<?> payloadType() {
        return payloadType;
    }

    /** The one topic of this type, e.g. {@code model.events}; null when it depends on the payload (bars). */
    public String topic() {
        return topic;
    }
}
