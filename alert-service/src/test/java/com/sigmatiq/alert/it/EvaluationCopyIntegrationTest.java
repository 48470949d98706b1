package com.sigmatiq.alert.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.alert.domain.EvaluationLayout;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Evaluations go to PostgreSQL as binary {@code COPY} rows encoded by hand: every column reads back as it was made
 * (NaN values, a missing confidence, the hour and its check), and an evaluation written again is stored once.
 */
class EvaluationCopyIntegrationTest extends AlertIntegrationTestBase {

    @Test
    void everyColumnReadsBackAsWrittenAndARowWrittenTwiceIsStoredOnce() {
        String owner = UUID.randomUUID().toString();
        Publication p = publication("pub_copy_" + UUID.randomUUID(), owner, "live");
        store.upsert(p, Instant.now());
        long t0 = Instant.parse("2011-03-01T14:35:00Z").toEpochMilli();
        EvaluationLayout.Row waiting = new EvaluationLayout.Row(t0, 130.1, 130.5, 129.9, 130.25, 1_234_567, new double[] {55.5,
            Double.NaN, -0.125}, "WAIT", null, Double.NaN, 9, false);
        EvaluationLayout.Row buying = new EvaluationLayout.Row(t0 + 300_000, 130.25, 131, 130.2, 130.9, 987, new double[] {61.25,
            0.5, 1e-9}, "BUY", 0.7125, 0.42, 10, true);
        RuntimeStore.EvaluationRows rows = store.evaluationRows();
        rows.add(p, waiting);
        rows.add(p, buying);
        store.saveEvaluations(List.of(rows), List.of(), Instant.now());
        store.saveEvaluations(List.of(rows), List.of(), Instant.now());   // taken again after a restart

        List<Map<String, Object>> stored = jdbc.sql("select * from evaluations where publication_id = ? order by bar_time")
                .param(p.id()).query().listOfRows();
        assertThat(stored).hasSize(2);
        check(stored.get(0), p, waiting);
        check(stored.get(1), p, buying);
    }

    private static void check(Map<String, Object> db, Publication p, EvaluationLayout.Row r) {
        assertThat(((java.sql.Timestamp) db.get("bar_time")).getTime()).isEqualTo(r.barTime());
        assertThat(db.get("owner_id")).isEqualTo(p.ownerId());
        assertThat(db.get("signal")).isEqualTo(r.signal());
        assertThat(List.of(db.get("open"), db.get("high"), db.get("low"), db.get("close"), db.get("volume")))
                .containsExactly(r.open(), r.high(), r.low(), r.close(), r.volume());
        assertThat(EvaluationLayout.Row.values((byte[]) db.get("shown"))).containsExactly(r.values());
        assertThat(db.get("confidence")).isEqualTo(r.confidence());
        assertThat(Double.compare((Double) db.get("entry_score"), r.entryScore())).isZero();
        assertThat(((Number) db.get("hour")).intValue()).isEqualTo(r.hour());
        assertThat(db.get("hour_allowed")).isEqualTo(r.hourAllowed());
    }
}
