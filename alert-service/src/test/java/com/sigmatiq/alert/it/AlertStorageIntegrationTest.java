package com.sigmatiq.alert.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.AlertAction;
import com.sigmatiq.alert.domain.AlertIds;
import com.sigmatiq.alert.domain.Delivery;
import com.sigmatiq.alert.domain.IncomingBar;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bar on which many models alert has its alerts stored in two transactions at once (half each, every alert with its
 * delivery rows): all of them are stored, each once, with their rows, and the stream is marked only when both halves
 * are; if either half fails, the stream is not marked and the failure reaches the caller (the bar is taken again and
 * the alerts already stored are stored once).
 */
class AlertStorageIntegrationTest extends AlertIntegrationTestBase {

    private static final int ALERTS = 2 * 40;

    @Autowired
    JsonMapper json;

    @Test
    void aBarWithManyAlertsStoresEveryAlertOnceWithItsRowsAndThenMarksTheStream() {
        String owner = UUID.randomUUID().toString();
        String feed = "storage-" + UUID.randomUUID();
        List<Publication> publications = publications(owner, feed, ALERTS);
        Instant bar = Instant.parse("2011-03-15T15:35:00Z");
        List<RuntimeStore.Made> made = made(publications, bar);

        store.saveAlerts(made, List.of(), List.of(), List.of(mark(feed, bar)), Instant.now());
        store.saveAlerts(made, List.of(), List.of(), List.of(mark(feed, bar)), Instant.now());   // the bar taken again

        assertThat(count("select count(*) from alerts where owner_id = ?", owner)).isEqualTo(ALERTS);
        assertThat(count("select count(*) from deliveries d join alerts a on a.alert_id = d.alert_id where a.owner_id = ?",
                owner)).isEqualTo(ALERTS);
        assertThat(jdbc.sql("select alert::text from alerts where alert_id = ?").param(made.get(ALERTS - 1).alert().alertId())
                .query(String.class).single()).isEqualTo(made.get(ALERTS - 1).json());
        assertThat(count("select count(*) from streams where feed = ?", feed)).isEqualTo(1);
    }

    @Test
    void whenEitherHalfFailsTheStreamIsNotMarkedAndTheFailureIsThrown() {
        String owner = UUID.randomUUID().toString();
        String feed = "storage-" + UUID.randomUUID();
        Instant bar = Instant.parse("2011-03-15T15:40:00Z");
        for (int bad : new int[] {0, ALERTS - 1}) {   // in the first half, then in the second
            List<RuntimeStore.Made> made = new ArrayList<>(made(publications(owner, feed, ALERTS), bar));
            // a document that is not JSON: PostgreSQL refuses its row
            RuntimeStore.Made m = made.get(bad);
            made.set(bad, new RuntimeStore.Made(m.publication(), m.alert(), "{\"alert_id\": ", m.deliveries()));

            assertThatThrownBy(() -> store.saveAlerts(made, List.of(), List.of(), List.of(mark(feed, bar)), Instant.now()))
                    .as("a failure at alert %d", bad).isInstanceOf(RuntimeException.class);
            assertThat(count("select count(*) from streams where feed = ?", feed)).as("a failure at alert %d", bad)
                    .isZero();
        }
    }

    private List<Publication> publications(String owner, String feed, int n) {
        List<Publication> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Publication p = publication("pub_storage_" + UUID.randomUUID(), owner, feed);
            store.upsert(p, Instant.now());
            out.add(p);
        }
        return out;
    }

    private List<RuntimeStore.Made> made(List<Publication> publications, Instant bar) {
        List<RuntimeStore.Made> out = new ArrayList<>();
        for (Publication p : publications) {
            Alert a = new Alert(AlertIds.of(p.id(), bar.toEpochMilli(), AlertAction.BUY), bar, p.id(), p.ownerId(),
                    new Alert.Signal(AlertAction.BUY, "stock", "SPY", 0.61, "high"),
                    new Alert.OrderDetails("limit", 17, 129.53, 129.14, 130.05, "day", bar.plusSeconds(3600), null, null),
                    new Alert.Metadata("momentum_swing", "swingsigma", Map.of("rsi_14", 41.2), Map.of("win_rate", 0.55),
                            0.0011, 0.8));
            out.add(new RuntimeStore.Made(p, a, json.writeValueAsString(a),
                    List.of(new Delivery(a.alertId(), Delivery.SIGMA_SIM, null, bar.plusSeconds(3600)))));
        }
        return out;
    }

    private static RuntimeStore.StreamMark mark(String feed, Instant bar) {
        return new RuntimeStore.StreamMark("SPY", "5m", feed, bar.toEpochMilli(),
                new IncomingBar.BarPosition("market.bars.5m", 0, 7), bar.toEpochMilli(), 1);
    }
}
