package com.sigmatiq.marketdata.feed;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.KafkaException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which errors make a replay wait and resume (the database or the broker away) and which fail it. */
class ReplayRecoverableTest {

    @Test
    void aLostRefusedOrTerminatedConnectionAndABrokerTimeoutAreWaitedOut() {
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        assertThat(ReplayService.recoverable(new DataAccessResourceFailureException("terminating connection", terminated)))
                .isTrue();
        assertThat(ReplayService.recoverable(new IllegalStateException("wrapped", terminated))).as("by SQL state").isTrue();
        assertThat(ReplayService.recoverable(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(ReplayService.recoverable(new IllegalStateException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(ReplayService.recoverable(new IllegalStateException("Kafka did not acknowledge a bar",
                new ExecutionException(new KafkaException("send failed",
                        new org.apache.kafka.common.errors.TimeoutException("Expiring 3 record(s)")))))).isTrue();
    }

    @Test
    void aBugOrABadStatementFailsTheReplay() {
        assertThat(ReplayService.recoverable(new IllegalArgumentException("no bars"))).isFalse();
        assertThat(ReplayService.recoverable(new BadSqlGrammarException("save", "update replay",
                new SQLException("column does not exist", "42703")))).isFalse();
        assertThat(ReplayService.recoverable(new IllegalStateException("Kafka did not acknowledge a bar",
                new ExecutionException(new org.apache.kafka.common.errors.RecordTooLargeException("too large")))))
                .isFalse();
    }
}
