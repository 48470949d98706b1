package com.sigmatiq.pilot.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Orders, fills, positions, refusals, publications, approvals and last closes (schema {@code pilot}). */
public interface OrderStore {

    void upsertPublication(Publication p, Instant at);

    void publicationStatus(String publishedId, String status, Instant at);

    void recommendation(String publishedId, String recommendation, Instant at);

    Optional<Publication> publication(String publishedId);

    /** Stores an approval; false if the publication already has one. */
    boolean insertApproval(Approval a);

    Optional<Approval> approval(String publishedId);

    /** Accounts with an approval, whose broker connection should be kept open. */
    List<String> approvedAccounts();

    void lastClose(String feed, String ticker, double close, Instant barEnd);

    /** NaN when none is known. */
    double lastClose(String feed, String ticker);

    /** The end of the last bar seen on a feed for a ticker: that feed's clock (a replay's is in the past). */
    Optional<Instant> lastBarEnd(String feed, String ticker);

    /** Whether the alert already became an order or a refusal. */
    boolean alertSeen(String alertId);

    void refuse(Refusal r);

    /** Stores a new order in {@code pending_new} with its first history row. */
    void insertOrder(LiveOrder o);

    /** {@code pending_new} → {@code sent}; false if a report already moved it on. */
    boolean markSent(String orderId, Instant at);

    Optional<LiveOrder> order(String id);

    Optional<LiveOrder> orderByAlert(String alertId);

    /** Locks the order's row until the transaction ends. */
    Optional<LiveOrder> lockOrder(String id);

    /** The account's orders, newest first. */
    List<LiveOrder> orders(String accountId);

    /** Orders whose sending is unconfirmed ({@code pending_new}, {@code sent}) or still open at the broker. */
    List<LiveOrder> openOrders();

    List<OrderHistory> history(String orderId);

    void addHistory(String orderId, OrderState state, String kind, String detail, Instant at);

    /** Stores a fill; false if this execution id was counted already. */
    boolean insertFill(String orderId, String executionId, long quantity, double price, double commission,
                       double realizedPnl, Instant at);

    /** Writes the order's state and fill totals. */
    void updateOrder(String orderId, OrderState state, String brokerOrderId, long filledQuantity, double averagePrice,
                     double commission, Instant lastFillAt, Instant at);

    Optional<Position> lockPosition(String accountId, String ticker);

    void savePosition(String accountId, Position p);

    List<Position> positions(String accountId);

    int openPositions(String accountId);

    /** Dollars at cost in open positions plus the unfilled part of open BUY orders. */
    double capitalInUse(String accountId);

    /** Realized P&L of the account's fills since {@code since}, dollars (negative = loss). */
    double realizedSince(String accountId, Instant since);

    int ordersSince(String accountId, Instant since);

    List<Refusal> refusals(String accountId);

    Optional<Refusal> refusal(String alertId);

    /**
     * The approval of a publication with its account, the account's row locked until the transaction ends: orders of
     * one account are decided one at a time.
     */
    Optional<Approved> lockApproved(String publishedId);

    /**
     * Everything the checks need about one alert of an approved publication, read in one statement: one snapshot, so
     * a report being applied meanwhile is seen whole or not at all.
     *
     * @param ticker    the ticker when the publication is unknown
     * @param dayStart  the start of the trading day (realized P&L since)
     * @param minuteAgo sixty seconds ago (orders since)
     */
    AlertFacts facts(String alertId, String publishedId, String accountId, String ticker, Instant dayStart, Instant minuteAgo);

    /** An approval and its account. */
    record Approved(Approval approval, LiveAccount account) {
    }

    /**
     * @param seen        the alert is an order or a refusal already
     * @param publication null when unknown
     * @param lastClose   NaN when none is known
     * @param lastBarEnd  the end of that last bar (the feed's clock), null when none is known
     */
    record AlertFacts(boolean seen, Publication publication, boolean globalKillSwitch, double lastClose, Instant lastBarEnd, long held,
                      int openPositions, double capitalInUse, double realizedSince, int ordersSince) {
    }
}
