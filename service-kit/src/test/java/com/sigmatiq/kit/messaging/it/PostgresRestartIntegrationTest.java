package com.sigmatiq.kit.messaging.it;

import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox across a restart of the real PostgreSQL (a fast shutdown: every connection dropped), a change tried every
 * 100 ms all the while: changes refused while it is away are refused whole, and every change that committed, before,
 * during or after, has its event on the broker and no publication stays incomplete (with a short
 * {@code resubmit-after}, so that one whose completion could not be written is sent again within the test).
 */
@SigmatiqIntegrationTest(classes = MessagingTestApplication.class, properties = {
        "sigmatiq.messaging.outbox.resubmit-after=2s",
        "sigmatiq.messaging.outbox.resubmit-interval=200ms"})
@ActiveProfiles(MessagingTestApplication.PROFILE)
class PostgresRestartIntegrationTest {

    @Autowired
    Widgets widgets;

    @Test
    void theOutboxSendsEveryCommittedEventAcrossAPostgresRestart() throws Exception {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "w-" + UUID.randomUUID();
            widgets.create(id);
            before.add(id);
        }
        List<String> stored = new ArrayList<>(before);
        stored.addAll(RestartDrills.createWhile(widgets, SigmatiqInfrastructure::restartPostgres));
        RestartDrills.assertEveryEventSent(stored, "PostgreSQL restart");
    }
}
