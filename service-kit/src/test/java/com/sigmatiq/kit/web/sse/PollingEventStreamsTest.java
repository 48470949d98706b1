package com.sigmatiq.kit.web.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class PollingEventStreamsTest {

    /** An emitter that records the event names sent and whether and how it completed. */
    static class Recording extends SseEmitter {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile String completed;

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            builder.build().stream().map(d -> String.valueOf(d.getData()))
                    .filter(t -> t.startsWith("event:"))
                    .forEach(t -> events.add(t.substring("event:".length(), (t + "\n").indexOf('\n')).trim()));
        }

        @Override
        public void complete() {
            completed = "complete";
        }

        @Override
        public void completeWithError(Throwable ex) {
            completed = "error: " + ex;
        }
    }

    @Test
    void aStreamOutlivesPollsThatFailWhileTheDatabaseIsAwayAndEndsWithTheFinalEvent() {
        AtomicInteger polls = new AtomicInteger();
        PollingEventStreams.Source<String> source = key -> {
            int n = polls.incrementAndGet();
            if (n <= 3) {
                throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new java.sql.SQLTransientConnectionException("Connection refused"));
            }
            return Optional.of(n < 6
                    ? new PollingEventStreams.Snapshot("{}", "running", null)
                    : new PollingEventStreams.Snapshot("{}", "done", "completed"));
        };
        try (PollingEventStreams<String> streams = new PollingEventStreams<>("test-sse", Duration.ofMillis(10), source)) {
            Recording emitter = new Recording();
            streams.open("job-1", emitter);
            Awaitility.await("the stream completes").atMost(Duration.ofSeconds(10)).until(() -> emitter.completed != null);
            assertThat(polls.get()).as("polls, three of them failed").isGreaterThanOrEqualTo(6);
            assertThat(emitter.completed).isEqualTo("complete");
            assertThat(emitter.events).containsExactly("progress", "progress", "completed");
        }
    }

    @Test
    void aStreamThatCannotBeWrittenIsCompletedWithItsError() {
        PollingEventStreams.Source<String> source = key -> Optional.of(new PollingEventStreams.Snapshot("{}", "x", null));
        try (PollingEventStreams<String> streams = new PollingEventStreams<>("test-sse", Duration.ofMillis(10), source)) {
            Recording broken = new Recording() {
                @Override
                public void send(SseEventBuilder builder) throws IOException {
                    if (builder.build().stream().anyMatch(d -> String.valueOf(d.getData()).startsWith("event:"))) {
                        throw new IOException("connection reset");
                    }
                }
            };
            streams.open("job-2", broken);
            Awaitility.await("the stream completes").atMost(Duration.ofSeconds(10)).until(() -> broken.completed != null);
            assertThat(broken.completed).startsWith("error: java.io.IOException");
        }
    }
}
