package com.sigmatiq.sweep.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Where this instance spends its time, summed over all sweeps and threads since start: the engine (work units),
 * Kafka (encoding and sending results until the broker acknowledged them; decoding them in the coordinator),
 * PostgreSQL (storing results, finishing sweeps). Logged when a sweep completes; read by the benchmark.
 */
@Component
public class SweepTimings {

    final LongAdder engineNanos = new LongAdder();
    final LongAdder combos = new LongAdder();
    final LongAdder resultSendNanos = new LongAdder();
    final LongAdder resultDecodeNanos = new LongAdder();
    final LongAdder storeNanos = new LongAdder();
    final LongAdder storedRows = new LongAdder();
    final LongAdder completeNanos = new LongAdder();
    final LongAdder sessionBuildNanos = new LongAdder();

    /** Time the coordinator spent reading result messages (JSON) before storing them. */
    public void resultsDecoded(long nanos) {
        resultDecodeNanos.add(nanos);
    }

    public Map<String, Double> snapshotMillis() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("engine_ms", engineNanos.sum() / 1e6);
        m.put("session_build_ms", sessionBuildNanos.sum() / 1e6);
        m.put("kafka_result_send_ms", resultSendNanos.sum() / 1e6);
        m.put("kafka_result_decode_ms", resultDecodeNanos.sum() / 1e6);
        m.put("postgres_store_ms", storeNanos.sum() / 1e6);
        m.put("postgres_complete_ms", completeNanos.sum() / 1e6);
        m.put("combinations_computed", (double) combos.sum());
        m.put("rows_stored", (double) storedRows.sum());
        return m;
    }
}
