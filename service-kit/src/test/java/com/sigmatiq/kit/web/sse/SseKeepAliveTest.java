package com.sigmatiq.kit.web.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class SseKeepAliveTest {

    /** An emitter that records the text of what is sent, or fails every send. */
    static final class Recording extends SseEmitter {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final boolean broken;

        Recording(boolean broken) {
            this.broken = broken;
        }

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            if (broken) {
                throw new IOException("connection reset");
            }
            StringBuilder text = new StringBuilder();
            builder.build().forEach(d -> text.append(d.getData()));
            sent.add(text.toString());
        }
    }

    @Test
    void aStreamIsOpenedWithACommentAndKeptAliveUntilASendFails() {
        try (SseKeepAlive keepAlive = new SseKeepAlive("test-keep-alive", Duration.ofMillis(20))) {
            Recording ok = new Recording(false);
            Recording broken = new Recording(true);
            keepAlive.register(ok);
            assertThat(ok.sent.get(0)).as("sent at once, before any keep-alive").startsWith(":open");
            keepAlive.register(broken);
            assertThat(keepAlive.size()).as("a stream that cannot be written is forgotten").isEqualTo(1);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ok.sent.size() >= 3);
            assertThat(List.copyOf(ok.sent).subList(1, 3))   // a snapshot: the timer keeps sending
                   .allSatisfy(s -> assertThat(s).startsWith(":keep-alive"));
        }
    }
}
