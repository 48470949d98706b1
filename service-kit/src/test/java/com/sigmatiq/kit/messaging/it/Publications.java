package com.sigmatiq.kit.messaging.it;

import com.sigmatiq.kit.messaging.EventEnvelopeCodec;
import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The outbox rows ({@code event_publication}) of one subject, read with plain JDBC. */
final class Publications {

    static final String SCHEMA = "kit_messaging_test";

    /** One row: the stored event and whether it was sent. */
    record Publication(EventEnvelope<?> event, boolean completed) {
    }

    private Publications() {
    }

    static List<Publication> of(String subjectId) {
        SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(SCHEMA), infra.username(), infra.password());
             PreparedStatement s = c.prepareStatement("SELECT serialized_event, completion_date FROM event_publication "
                     + "WHERE serialized_event LIKE ? ORDER BY publication_date")) {
            s.setString(1, "%\"subject_id\":\"" + subjectId + "\"%");
            List<Publication> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Publication(new EventEnvelopeCodec().read(rs.getString(1)), rs.getTimestamp(2) != null));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
