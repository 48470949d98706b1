package com.sigmatiq.gateway.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing at {@code POST /api/auth/login}, in memory (per gateway instance), counting failed logins in
 * a sliding window:
 * <ul>
 * <li>per address: after {@code perAddress} failures from one client address, that address may not try any user
 *     until its oldest failure leaves the window;</li>
 * <li>per user and address: after {@code perUserAndAddress} failures for one user from one address, that pair waits
 *     likewise;</li>
 * <li>per user: after {@code perUser} failures for one user from all addresses together (a spread-out attack), the
 *     user may only log in from an address that logged in as them successfully before.</li>
 * </ul>
 * An attacker therefore locks out only their own addresses: the owner's known address keeps logging in whatever
 * strangers do. A refused attempt is not checked against the password and does not count. The maps are bounded:
 * entries whose failures left the window are dropped when they are next read, and every {@value #SWEEP_EVERY}
 * records.
 */
public final class LoginThrottle {

    static final int SWEEP_EVERY = 1024;
    /** Addresses remembered per user as having logged in successfully. */
    static final int KNOWN_ADDRESSES_PER_USER = 16;

    /** Limits; {@code window} is how long a failure counts. */
    public record Limits(int perAddress, int perUserAndAddress, int perUser, Duration window) {
        public Limits {
            if (perAddress < 1 || perUserAndAddress < 1 || perUser < 1) {
                throw new IllegalArgumentException("login throttle limits must be at least 1");
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("login throttle window must be positive");
            }
        }
    }

    /** Why a login is refused before its password is checked, and when to try again. */
    public record Refusal(String reason, Duration retryAfter) {
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byUserAndAddress = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> knownAddresses = new ConcurrentHashMap<>();
    private int records;

    public LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Empty when {@code username} may try a password from {@code address} now. */
    public Optional<Refusal> check(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> wait = full(byAddress, address, limits.perAddress(), now);
        if (wait.isPresent()) {
            return Optional.of(new Refusal("too many failed logins from this address", wait.get()));
        }
        wait = full(byUserAndAddress, pair(username, address), limits.perUserAndAddress(), now);
        if (wait.isPresent()) {
            return Optional.of(new Refusal("too many failed logins for this user from this address", wait.get()));
        }
        wait = full(byUser, key(username), limits.perUser(), now);
        if (wait.isPresent() && !knownAddresses.getOrDefault(key(username), Set.of()).contains(address)) {
            return Optional.of(new Refusal("too many failed logins for this user; only addresses it logged in"
                    + " from before may try now", wait.get()));
        }
        return Optional.empty();
    }

    /** Counts a wrong password (or an unknown user) for {@code username} from {@code address}. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        add(byAddress, address, now);
        add(byUserAndAddress, pair(username, address), now);
        add(byUser, key(username), now);
        if (++records % SWEEP_EVERY == 0) {
            sweep(now);
        }
    }

    /** Remembers {@code address} as the user's own and forgets that pair's failures. */
    public void succeeded(String username, String address) {
        byUserAndAddress.remove(pair(username, address));
        knownAddresses.compute(key(username), (k, set) -> {
            Set<String> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (s.size() >= KNOWN_ADDRESSES_PER_USER && !s.contains(address)) {
                s.remove(s.iterator().next());
            }
            s.add(address);
            return s;
        });
    }

    /** Number of entries held, for tests of the bound. */
    int size() {
        return byAddress.size() + byUserAndAddress.size() + byUser.size();
    }

    private Optional<Duration> full(Map<String, Deque<Instant>> map, String key, int limit, Instant now) {
        Deque<Instant> failures = map.get(key);
        if (failures == null) {
            return Optional.empty();
        }
        synchronized (failures) {
            expire(failures, now);
            if (failures.size() < limit) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, failures.peekFirst().plus(limits.window()));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    private void add(Map<String, Deque<Instant>> map, String key, Instant now) {
        Deque<Instant> failures = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (failures) {
            expire(failures, now);
            failures.addLast(now);
        }
    }

    private void expire(Deque<Instant> failures, Instant now) {
        Instant oldest = now.minus(limits.window());
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldest)) {
            failures.removeFirst();
        }
    }

    private void sweep(Instant now) {
        for (Map<String, Deque<Instant>> map : java.util.List.of(byAddress, byUserAndAddress, byUser)) {
            map.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    expire(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(java.util.Locale.ROOT);
    }

    private static String pair(String username, String address) {
        return key(username) + '\u0000' + address;
    }
}
