package com.sigmatiq.alert.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.alert.domain.AlertQueries;
import com.sigmatiq.alert.domain.Evaluation;
import com.sigmatiq.alert.domain.EvaluationLayout;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Evaluations go to PostgreSQL as blocks encoded by hand, one row each: every field reads back through the API as it
 * was made (NaN values, a missing confidence, the hour and its check), a block written again is stored once, pages
 * run newest first across blocks and the rows stored before blocks existed, and a range cuts blocks.
 */
class EvaluationBlocksIntegrationTest extends AlertIntegrationTestBase {

    @Autowired
    AlertQueries queries;

    @Test
    void blocksReadBackAsWrittenPageAcrossBlocksAndOlderRowsAndAreStoredOnce() {
        String owner = UUID.randomUUID().toString();
        Publication p = publication("pub_copy_" + UUID.randomUUID(), owner, "live");
        store.upsert(p, Instant.now());
        EvaluationLayout layout = new EvaluationLayout("SPY", List.of("rsi", "macd", "momentum_composite"), 2, 0.5,
                List.of(9, 10, 11), 1.2, -0.8, 1.5);
        store.saveAlerts(List.of(), List.of(), List.of(new RuntimeStore.Layout(p.id(), layout)), List.of(), Instant.now());
        long t0 = Instant.parse("2011-03-01T14:35:00Z").toEpochMilli();
        // an evaluation stored before blocks existed, older than every block
        jdbc.sql("insert into evaluations (publication_id, bar_time, owner_id, signal, open, high, low, close, volume, shown,"
                        + " confidence, entry_score, hour, hour_allowed) values (?, ?, ?, 'HOLD', 1, 2, 0.5, 1.5, 10, ?, 0.4, 0.1, 9, true)")
                .params(p.id(), new Timestamp(t0 - 300_000), owner, new EvaluationLayout.Row(0, 0, 0, 0, 0, 0,
                        new double[] {1, 2, 3}, "HOLD", null, 0, 0, false).valueBytes()).update();
        List<EvaluationLayout.Row> made = new ArrayList<>();
        made.add(new EvaluationLayout.Row(t0, 130.1, 130.5, 129.9, 130.25, 1_234_567, new double[] {55.5, Double.NaN, -0.125},
                "WAIT", null, Double.NaN, 9, false));
        made.add(new EvaluationLayout.Row(t0 + 300_000, 130.25, 131, 130.2, 130.9, 987, new double[] {61.25, 0.5, 1e-9},
                "BUY", 0.7125, 0.42, 10, true));
        for (int i = 2; i < 7; i++) {
            made.add(new EvaluationLayout.Row(t0 + i * 300_000L, 131 + i, 132 + i, 130 + i, 131.5 + i, 1000 + i,
                    new double[] {50 + i, i, -i}, i == 6 ? "SELL" : "HOLD", 0.5 + i / 100.0, 0.1 * i, 10, true));
        }
        RuntimeStore.EvaluationRows first = store.evaluationRows();
        made.subList(0, 3).forEach(r -> first.add(p, r));
        RuntimeStore.EvaluationRows second = store.evaluationRows();
        made.subList(3, 7).forEach(r -> second.add(p, r));
        store.saveEvaluations(List.of(first, second), List.of(), Instant.now());
        store.saveEvaluations(List.of(first), List.of(), Instant.now());   // written again: stored once

        AlertQueries.Page<Evaluation> all = queries.evaluations(owner, p.id(), null, null, 0, 100);
        assertThat(all.total()).isEqualTo(8);
        assertThat(all.items()).extracting(Evaluation::timestamp).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        for (int i = 0; i < made.size(); i++) {
            check(all.items().get(made.size() - 1 - i), layout.evaluation(made.get(i)));
        }
        assertThat(all.items().get(7).timestamp()).isEqualTo(Instant.ofEpochMilli(t0 - 300_000));

        // pages of 3, newest first, across the two blocks and the older row
        List<Instant> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            AlertQueries.Page<Evaluation> one = queries.evaluations(owner, p.id(), null, null, page, 3);
            assertThat(one.total()).isEqualTo(8);
            one.items().forEach(e -> paged.add(e.timestamp()));
        }
        assertThat(paged).containsExactlyElementsOf(all.items().stream().map(Evaluation::timestamp).toList());

        // a range that cuts both blocks
        AlertQueries.Page<Evaluation> cut = queries.evaluations(owner, p.id(), Instant.ofEpochMilli(t0 + 300_000),
                Instant.ofEpochMilli(t0 + 4 * 300_000), 0, 10);
        assertThat(cut.total()).isEqualTo(4);
        assertThat(cut.items()).extracting(Evaluation::timestamp).containsExactly(Instant.ofEpochMilli(t0 + 4 * 300_000),
                Instant.ofEpochMilli(t0 + 3 * 300_000), Instant.ofEpochMilli(t0 + 2 * 300_000), Instant.ofEpochMilli(t0 + 300_000));
        assertThat(queries.evaluations(UUID.randomUUID().toString(), p.id(), null, null, 0, 10).total())
                .as("another user").isZero();
    }

    /** The API's document, field by field (NaN compared as NaN). */
    private static void check(Evaluation read, Evaluation expected) {
        assertThat(read).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class).isEqualTo(expected);
    }
}
