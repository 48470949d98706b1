package com.sigmatiq.kit.messaging.it;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.model.ModelCreated;
import com.sigmatiq.kit.messaging.EventOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A state change and its event in one transaction, the way a service uses the outbox. */
@Service
public class Widgets {

    private final JdbcClient jdbc;
    private final EventOutbox outbox;
    private final TransactionTemplate tx;

    Widgets(JdbcClient jdbc, EventOutbox outbox, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** Inserts widget {@code id} and publishes {@code model.created} about it (a contract type on a fixed topic). */
    public EventEnvelope<ModelCreated> create(String id) {
        return create(id, false);
    }

    /** As {@link #create(String)}, then fails inside the transaction when {@code failAfterPublishing}. */
    public EventEnvelope<ModelCreated> create(String id, boolean failAfterPublishing) {
        return tx.execute(status -> {
            jdbc.sql("INSERT INTO widgets (id) VALUES (?)").param(id).update();
            EventEnvelope<ModelCreated> event = outbox.publish(new ModelCreated(id, "pack", "1.0.0", "strategy", "SPY", "5m"),
                    "owner-1", id);
            if (failAfterPublishing) {
                throw new IllegalStateException("the change fails after its event was recorded");
            }
            return event;
        });
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT count(*) FROM widgets WHERE id = ?").param(id).query(Long.class).single() > 0;
    }
}
