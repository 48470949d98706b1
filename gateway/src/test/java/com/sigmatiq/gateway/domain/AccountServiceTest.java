package com.sigmatiq.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class AccountServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    /** In-memory store with the database's unique-username rule. */
    static final class MemoryUserStore implements UserStore {
        final Map<String, UserAccount> byName = new HashMap<>();

        @Override
        public void insert(UserAccount account) {
            if (byName.putIfAbsent(account.username(), account) != null) {
                throw new UsernameTakenException(account.username());
            }
        }

        @Override
        public Optional<UserAccount> findByUsername(String username) {
            return Optional.ofNullable(byName.get(username));
        }
    }

    private final MemoryUserStore store = new MemoryUserStore();
    private final AccountService accounts = new AccountService(store, new BCryptPasswordEncoder(4),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void registersWithABcryptHashNeverThePassword() {
        UserAccount account = accounts.register("alice", "correct-horse");
        assertThat(account.username()).isEqualTo("alice");
        assertThat(account.createdAt()).isEqualTo(NOW);
        assertThat(account.passwordHash()).startsWith("$2").doesNotContain("correct-horse");
        assertThat(accounts.authenticate("alice", "correct-horse")).isEqualTo(account);
    }

    @Test
    void wrongPasswordAndUnknownUserFailAlike() {
        accounts.register("alice", "correct-horse");
        assertThatThrownBy(() -> accounts.authenticate("alice", "wrong-horse"))
                .isInstanceOf(InvalidCredentialsException.class).hasMessage("invalid username or password");
        assertThatThrownBy(() -> accounts.authenticate("bob", "correct-horse"))
                .isInstanceOf(InvalidCredentialsException.class).hasMessage("invalid username or password");
    }

    @Test
    void duplicateUsernameIsRefused() {
        accounts.register("alice", "correct-horse");
        assertThatThrownBy(() -> accounts.register("alice", "other-password"))
                .isInstanceOf(UsernameTakenException.class);
    }

    @Test
    void rulesAreCheckedInTheDomainToo() {
        assertThatThrownBy(() -> accounts.register("Al", "correct-horse"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> accounts.register("alice", "short"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("password"));
        // 30 three-byte characters: 30 chars but 90 bytes, more than BCrypt reads
        assertThatThrownBy(() -> accounts.register("alice", "€".repeat(30)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.getMessage()).contains("72 bytes"));
    }

    @Test
    void registerIfAbsentIsIdempotent() {
        assertThat(accounts.registerIfAbsent("demo", "sigmatiq-demo")).isTrue();
        assertThat(accounts.registerIfAbsent("demo", "sigmatiq-demo")).isFalse();
        assertThat(store.byName).hasSize(1);
    }
}
