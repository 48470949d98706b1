package com.sigmatiq.sweep.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sigmatiq.sweep.domain.ComboResult;
import com.sigmatiq.sweep.domain.ResultBatch;
import com.sigmatiq.sweep.domain.WorkChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

/** How work and results are handed to Kafka: work spread evenly over the partitions, results sent without waiting. */
class KafkaSweepMessagingTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    private final KafkaSweepMessaging messaging = new KafkaSweepMessaging(kafka, JsonMapper.builder().build());
    private final UUID sweep = UUID.randomUUID();

    @Test
    void workChunksGoRoundThePartitionsSoEveryPartitionGetsAsManyAsTheOthers() {
        when(kafka.partitionsFor(SweepTopics.WORK)).thenReturn(partitions(12));
        when(kafka.send(eq(SweepTopics.WORK), anyInt(), anyString(), anyString())).thenReturn(acknowledged());
        List<WorkChunk> chunks = new ArrayList<>();
        for (long u = 0; u < 25 * 10; u += 10) {
            chunks.add(new WorkChunk(sweep, List.of(u, u + 1)));
        }

        messaging.publish(chunks);

        ArgumentCaptor<Integer> partition = ArgumentCaptor.forClass(Integer.class);
        ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);
        verify(kafka, times(25))
                .send(eq(SweepTopics.WORK), partition.capture(), key.capture(), anyString());
        Map<Integer, Integer> perPartition = new HashMap<>();
        partition.getAllValues().forEach(p -> perPartition.merge(p, 1, Integer::sum));
        assertThat(perPartition).hasSize(12);
        assertThat(perPartition.values()).allSatisfy(n -> assertThat(n).isBetween(2, 3));
        for (int i = 1; i < 25; i++) {
            assertThat(partition.getAllValues().get(i)).isEqualTo((partition.getAllValues().get(i - 1) + 1) % 12);
        }
        assertThat(key.getAllValues().get(3)).isEqualTo(sweep + ":30");
    }

    @Test
    void resultsAreSentWithoutWaitingKeyedBySweepAndFirstUnitThenFlushedAndWaitedForTogether() {
        CompletableFuture<SendResult<String, String>> first = new CompletableFuture<>();
        CompletableFuture<SendResult<String, String>> second = new CompletableFuture<>();
        when(kafka.send(eq(SweepTopics.RESULTS), anyString(), anyString())).thenReturn(first, second);

        CompletableFuture<?> a = messaging.send(new ResultBatch(sweep, List.of(result(7, 2), result(8, 2))));
        CompletableFuture<?> b = messaging.send(new ResultBatch(sweep, List.of(result(11, 3))));

        assertThat(a).isSameAs(first).isNotDone();
        assertThat(b).isSameAs(second).isNotDone();
        ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);
        verify(kafka, times(2)).send(eq(SweepTopics.RESULTS), key.capture(), anyString());
        assertThat(key.getAllValues()).containsExactly(sweep + ":2", sweep + ":3");

        first.complete(null);
        second.complete(null);
        messaging.awaitAll(List.of(a, b));
        InOrder order = inOrder(kafka);
        order.verify(kafka, times(2)).send(eq(SweepTopics.RESULTS), anyString(), anyString());
        order.verify(kafka).flush();
    }

    @Test
    void aResultSendThatFailsFailsTheWait() {
        CompletableFuture<SendResult<String, String>> failed = CompletableFuture.failedFuture(new IllegalStateException("broker gone"));
        when(kafka.send(eq(SweepTopics.RESULTS), anyString(), anyString())).thenReturn(acknowledged(), failed);
        CompletableFuture<?> a = messaging.send(new ResultBatch(sweep, List.of(result(1, 0))));
        CompletableFuture<?> b = messaging.send(new ResultBatch(sweep, List.of(result(2, 0))));

        assertThatThrownBy(() -> messaging.awaitAll(List.of(a, b))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broker gone");
    }

    private static CompletableFuture<SendResult<String, String>> acknowledged() {
        return CompletableFuture.completedFuture(null);
    }

    private static List<PartitionInfo> partitions(int n) {
        List<PartitionInfo> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new PartitionInfo(SweepTopics.WORK, i, null, null, null));
        }
        return out;
    }

    private static ComboResult result(long comboId, long unit) {
        return new ComboResult(comboId, unit, 0.01, 0.1, 1.2, null, 1.5, -0.05, 2.0, 0.5, 1.3, 10, 0.5, 0.02, -0.01, 0.01,
                -0.005, 0.3, true, "", 20, 0.1, 0.0, 3.0, null);
    }
}
