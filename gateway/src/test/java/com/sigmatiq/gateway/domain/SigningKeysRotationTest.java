package com.sigmatiq.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/** Rotation on an in-memory store and a clock the test moves: two keys during the overlap, one after it. */
class SigningKeysRotationTest {

    private static final Duration OVERLAP = Duration.ofMinutes(61);

    private final LoginThrottleTest.MutableClock clock = new LoginThrottleTest.MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final MemoryStore store = new MemoryStore();

    @Test
    void aRotatedKeyStaysPublishedForTheOverlapThenLeaves() {
        SigningKeys keys = SigningKeys.loadOrCreate(store, TransactionOperations.withoutTransaction(), clock, OVERLAP);
        String first = keys.active().getKeyID();
        assertThat(kids(keys)).containsExactly(first);

        clock.advance(Duration.ofDays(30));
        keys.rotate();
        String second = keys.active().getKeyID();

        assertThat(second).isNotEqualTo(first);
        assertThat(kids(keys)).as("the new key first, the old one still verifying").containsExactly(second, first);
        assertThat(store.decryptions).as("keys it generated are never decrypted back").isZero();

        clock.advance(OVERLAP.minusSeconds(1));
        keys.refresh();
        assertThat(kids(keys)).containsExactly(second, first);

        clock.advance(Duration.ofSeconds(2));
        keys.refresh();
        assertThat(kids(keys)).containsExactly(second);
    }

    @Test
    void anotherInstanceSeesTheRotationOnRefreshAndRotatesOnlyWhenDue() {
        SigningKeys a = SigningKeys.loadOrCreate(store, TransactionOperations.withoutTransaction(), clock, OVERLAP);
        SigningKeys b = SigningKeys.loadOrCreate(store, TransactionOperations.withoutTransaction(), clock, OVERLAP);
        String first = a.active().getKeyID();
        assertThat(b.active().getKeyID()).isEqualTo(first);

        clock.advance(Duration.ofDays(10));
        a.rotateIfOlderThan(Duration.ofDays(30));
        assertThat(a.active().getKeyID()).as("not due yet").isEqualTo(first);

        clock.advance(Duration.ofDays(21));
        a.rotateIfOlderThan(Duration.ofDays(30));
        String second = a.active().getKeyID();
        assertThat(second).isNotEqualTo(first);

        b.rotateIfOlderThan(Duration.ofDays(30)); // due by b's old view, but a rotated first
        assertThat(b.active().getKeyID()).isEqualTo(second);
        assertThat(kids(b)).containsExactly(second, first);
        assertThat(store.rows).hasSize(2);
    }

    private static List<String> kids(SigningKeys keys) {
        return keys.publicJwks().getKeys().stream().map(JWK::getKeyID).toList();
    }

    /** The table's rules: one active key; the one it replaces is retired at the new key's creation time. */
    static final class MemoryStore implements SigningKeyStore {
        record Row(SigningKey key, boolean active, Instant retiredAt) {
        }

        final Map<String, Row> rows = new LinkedHashMap<>();
        int decryptions;

        @Override
        public void lockForKeyCreation() {
        }

        @Override
        public Optional<SigningKey> findActive() {
            return rows.values().stream().filter(Row::active).map(Row::key).findFirst();
        }

        @Override
        public void insertActive(SigningKey key) {
            rows.replaceAll((kid, row) -> row.active() ? new Row(row.key(), false, key.createdAt()) : row);
            rows.put(key.kid(), new Row(key, true, null));
        }

        @Override
        public Optional<String> activeKid() {
            return findActive().map(SigningKey::kid);
        }

        @Override
        public List<String> kidsPublishedSince(Instant since) {
            List<Row> published = new ArrayList<>(rows.values().stream()
                    .filter(r -> r.active() || !r.retiredAt().isBefore(since)).toList());
            published.sort(Comparator.comparing((Row r) -> !r.active())
                    .thenComparing(r -> r.retiredAt() == null ? Instant.MAX : r.retiredAt(), Comparator.reverseOrder()));
            return published.stream().map(r -> r.key().kid()).toList();
        }

        @Override
        public Optional<SigningKey> find(String kid) {
            decryptions++;
            return Optional.ofNullable(rows.get(kid)).map(Row::key);
        }
    }
}
