package com.sigmatiq.sim.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * sim-service's storage. What is stored is what a book is a function of — the accounts, their feeds' bars and their
 * alerts, each kept once by its key — and what a completed period concluded. Fills, positions and equity are
 * recomputed from those ({@link PaperBook}), so a restart continues exactly.
 */
public interface SimStore {

    /** Creates the account; false when it exists (a redelivered publication). */
    boolean insert(Account a);

    Optional<Account> account(String id);

    Optional<Account> byPublished(String publishedId);

    /** The owner's accounts, newest first; only the one of {@code publishedId} when it is not null. */
    List<Account> accounts(String ownerId, String publishedId);

    /** Accounts in {@code paper_trading} or {@code settling}. */
    List<Account> active();

    /**
     * Stores a feed's bar once and starts the accounts following that feed that had no bar yet: their period begins
     * with this bar. One transaction.
     *
     * @return how many accounts it started
     */
    int storeBar(String feed, String ticker, String timeframe, Bar bar);

    /** Bars of a feed with {@code from <= start <= to}, in order. */
    List<Bar> bars(String feed, String ticker, String timeframe, long from, long to);

    /**
     * Stores an alert once.
     *
     * @param applied false for an alert arriving after its account's period ended (kept, not applied)
     * @return false when the alert id was stored already (a redelivery): nothing changed
     */
    boolean insertAlert(PaperAlert a, String document, boolean applied, Instant at);

    /** The applied alerts of a published model, in bar order. */
    List<PaperAlert> alerts(String publishedId);

    /** The alert document as received, or empty. */
    Optional<String> alertDocument(String alertId);

    /** The period ended at bar {@code endBar}: the account settles until {@code settleAt}. */
    void ended(String accountId, long endBar, Instant settleAt);

    /** A late alert arrived while settling: wait until {@code settleAt} (never earlier than already set). */
    void extendSettling(String accountId, Instant settleAt);

    /** Settling accounts whose settle time has passed. */
    List<Account> dueToSettle(Instant now);

    /** Stores the performance document and the recommendation; the account is complete. */
    void complete(String accountId, String performance, String recommendation, Instant at);

    /** The performance document of a completed account. */
    Optional<String> performance(String accountId);

    /** The publication was retired: the account stops (unless complete). */
    void stop(String publishedId);
}
