package com.sigmatiq.pilot.domain;

import com.sigmatiq.kit.web.problem.ConflictException;
import com.sigmatiq.kit.web.problem.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts of live models become broker orders, at most once (docs/live.md): an alert already seen changes nothing; the
 * checks of {@link RiskChecks} run in their order and a refusal is stored with its reason; an order is stored in
 * {@code pending_new} before it is handed to the broker; its reports move it along {@link OrderState} and count each
 * fill once by execution id. An order whose sending is unconfirmed is looked up at the broker by its client order id
 * before it is ever sent again ({@link #resume(Duration)}).
 */
public class LiveTrading implements BrokerEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveTrading.class);
    /** The trading day for the daily loss limit. */
    private static final ZoneId EXCHANGE = ZoneId.of("America/New_York");

    private final PilotStore accounts;
    private final OrderStore orders;
    private final BrokerConnections connections;
    private final OrderUpdates updates;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration connectWait;
    private final Duration lookupWait;
    /** Crash tests only: where the process halts; null: nowhere. */
    private final HaltPoint haltAt;
    /**
     * Orders this process is deciding or handing to the broker right now. A round never looks one of them up: its
     * NewOrderSingle may not have reached the broker yet, and "unknown" would send it a second time.
     */
    private final Set<String> handing = ConcurrentHashMap.newKeySet();
    /** Crash tests only ({@link #haltAt} set): the orders this process stored, whose reports may halt it. */
    private final Set<String> storedHere = ConcurrentHashMap.newKeySet();
    /** Records {@code sent} after a send, in order, on one thread of its own. */
    private final java.util.concurrent.ExecutorService bookkeeping = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pilot-sent");
        t.setDaemon(true);
        return t;
    });

    public LiveTrading(PilotStore accounts, OrderStore orders, BrokerConnections connections, OrderUpdates updates,
                       TransactionTemplate tx, Clock clock, Duration connectWait, Duration lookupWait, HaltPoint haltAt) {
        this.accounts = accounts;
        this.orders = orders;
        this.connections = connections;
        this.updates = updates;
        this.tx = tx;
        this.clock = clock;
        this.connectWait = connectWait;
        this.lookupWait = lookupWait;
        this.haltAt = haltAt;
        if (haltAt != null) {
            log.warn("crash test hook set: this process halts at {}", haltAt);
        }
        connections.events(this);
    }

    /** The check that refuses an alert whose {@code valid_until} has passed before it could become an order. */
    public static final String VALID_UNTIL = "valid_until";

    /**
     * Takes an alert of {@code alerts.live}: refused with its reason, or stored as an order and sent. One transaction
     * of three statements: the approval with its account's row locked, every figure the checks need, then the order
     * with its first history row (or the refusal).
     */
    public void alert(LiveAlert alert) {
        Instant now = clock.instant();
        // claimed before the order can be committed: a round running meanwhile never looks it up
        String orderId = "ORD_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        handing.add(orderId);
        try {
            Decision d = tx.execute(s -> decide(alert, now, orderId));
            if (d == null) {
                return;
            }
            if (d.order() != null) {
                if (haltAt != null) {
                    storedHere.add(orderId);
                    HaltPoint.STORED.reached(haltAt, "order " + orderId + " of " + alert.alertId() + " committed, not sent");
                }
                updates.send(d.account().id(), "order", d.order());
                send(d.account(), d.order());
            } else if (d.refusal() != null) {
                updates.send(d.account().id(), "refusal", d.refusal());
                log.info("alert {} refused by {}: {}", alert.alertId(), d.refusal().check(), d.refusal().reason());
            }
        } finally {
            handing.remove(orderId);
        }
    }

    /** What became of an alert: an order to send or a refusal, of an account. */
    private record Decision(LiveAccount account, LiveOrder order, Refusal refusal) {
    }

    private Decision decide(LiveAlert alert, Instant now, String orderId) {
        Optional<OrderStore.Approved> approved = orders.lockApproved(alert.publishedId());
        if (approved.isEmpty()) {
            if (!orders.alertSeen(alert.alertId())) {
                String status = orders.publication(alert.publishedId()).map(Publication::status).orElse(null);
                Refusal r = new Refusal(alert.alertId(), alert.publishedId(), null, null, RiskChecks.MODEL_LIVE,
                        status == null ? "the published model is unknown" : "the published model has no live-trading approval", now);
                orders.refuse(r);
                log.info("alert {} refused by {}: {}", alert.alertId(), r.check(), r.reason());
            }
            return null;
        }
        Approval approval = approved.get().approval();
        LiveAccount acc = approved.get().account();
        Instant dayStart = LocalDate.ofInstant(now, EXCHANGE).atStartOfDay(EXCHANGE).toInstant();
        OrderStore.AlertFacts f = orders.facts(alert.alertId(), alert.publishedId(), acc.id(), alert.ticker(), dayStart,
                now.minusSeconds(60));
        if (f.seen()) {
            return null;
        }
        Publication publication = f.publication();
        // valid_until is in the time of the model's feed: the wall clock for live bars, the replay's own clock (its last
        // bar) for a replay
        Instant feedNow = publication == null || Publication.LIVE_FEED.equals(publication.feed()) ? now : f.lastBarEnd();
        if (alert.validUntil() != null && feedNow != null && feedNow.isAfter(alert.validUntil())) {
            return refused(acc, new Refusal(alert.alertId(), alert.publishedId(), acc.id(), acc.ownerId(), VALID_UNTIL,
                    "the alert was valid until " + alert.validUntil() + "; its feed is at " + feedNow, now));
        }
        String ticker = publication != null ? publication.ticker() : alert.ticker();
        double lastClose = f.lastClose();
        double price = alert.orderType() == OrderTicket.OrderType.LIMIT ? alert.limitPrice() : lastClose;
        Limits limits = acc.limits();
        RiskChecks.Context c = new RiskChecks.Context(f.globalKillSwitch(), acc.killSwitch(),
                publication == null ? null : publication.status(), approval.inForce(now), limits,
                Math.min(limits.maxPositionSize(), approval.maxPositionSize()), Math.min(limits.maxCapital(), approval.maxCapital()),
                alert.buy(), alert.quantity(), price, f.held(), f.openPositions(), f.capitalInUse(),
                -Math.min(0, f.realizedSince()), lastClose, f.ordersSince());
        RiskChecks.Outcome outcome = RiskChecks.check(c);
        if (outcome.refused()) {
            return refused(acc, new Refusal(alert.alertId(), alert.publishedId(), acc.id(), acc.ownerId(), outcome.check(),
                    outcome.reason(), now));
        }
        OrderTicket.OrderType type = alert.buy() ? alert.orderType() : OrderTicket.OrderType.MARKET;
        LiveOrder o = new LiveOrder(orderId, alert.alertId(),
                acc.id(), acc.ownerId(), alert.publishedId(), ticker, alert.buy() ? OrderTicket.Side.BUY : OrderTicket.Side.SELL,
                outcome.quantity(), type, type == OrderTicket.OrderType.LIMIT ? alert.limitPrice() : Double.NaN,
                alert.timeInForce(), lastClose, OrderState.PENDING_NEW, null, 0, Double.NaN, 0, null, now, null, now,
                alert.validUntil());
        orders.insertOrder(o);
        return new Decision(acc, o, null);
    }

    private Decision refused(LiveAccount acc, Refusal r) {
        orders.refuse(r);
        return new Decision(acc, null, r);
    }

    /** Hands a stored order to the broker; if it certainly did not leave, it stays {@code pending_new} for {@link #resume}. */
    private void send(LiveAccount acc, LiveOrder o) {
        try {
            BrokerAdapter adapter = connections.adapter(acc, connectWait);
            adapter.send(o.ticket(acc.accountId()));
            Instant at = clock.instant();
            // recorded off the alert's thread: the next alert need not wait for it; lost in a crash, the order stays
            // pending_new and the start-up round finds it at the broker (never a second send)
            bookkeeping.execute(() -> {
                try {
                    if (orders.markSent(o.id(), at)) {
                        updates.send(acc.id(), "order", o.sent(at));
                    }
                } catch (RuntimeException e) {
                    log.warn("order {}: 'sent' not recorded ({}); the next round looks it up", o.id(), e.getMessage());
                }
            });
        } catch (BrokerException | RuntimeException e) {
            log.warn("order {} (alert {}) not sent now, kept pending_new: {}", o.id(), o.alertId(), e.getMessage());
        }
    }

    /**
     * After a restart, and every minute: each order whose sending is unconfirmed is looked up at the broker by its client
     * order id; known there, the broker's state is taken; unknown, a {@code pending_new} or {@code sent} order is sent
     * (the broker never saw it). An order the broker cannot be asked about waits for the next round.
     */
    public void resume(Duration minAge) {
        Instant before = clock.instant().minus(minAge);
        for (LiveOrder o : orders.openOrders()) {
            if ((o.state() != OrderState.PENDING_NEW && o.state() != OrderState.SENT) || o.updatedAt().isAfter(before)) {
                continue;
            }
            if (!handing.add(o.id())) {
                continue;   // being handed over by this process right now (or looked up by another round)
            }
            try {
                resume(o);
            } finally {
                handing.remove(o.id());
            }
        }
    }

    /** Looks up one unconfirmed order; sends it only if the broker never saw it, it is still valid and no switch is on. */
    private void resume(LiveOrder o) {
        Optional<LiveAccount> acc = accounts.account(o.accountId());
        if (acc.isEmpty()) {
            return;
        }
        try {
            BrokerAdapter adapter = connections.adapter(acc.get(), connectWait);
            Optional<ExecutionUpdate> known = adapter.lookup(o.ticket(acc.get().accountId()), lookupWait);
            if (known.isPresent()) {
                execution(o.accountId(), known.get());
            } else if (o.stale(feedNow(o))) {
                expire(o, "unknown at the broker and its alert was valid until " + o.validUntil() + ": not sent");
            } else if (accounts.globalKillSwitch() || acc.get().killSwitch()) {
                log.info("order {} unknown at the broker and a kill switch is engaged: not sent", o.id());
            } else {
                orders.addHistory(o.id(), o.state(), "lookup", "unknown at the broker: sending", clock.instant());
                send(acc.get(), o);
            }
        } catch (BrokerException | RuntimeException e) {
            log.warn("order {}: the broker could not be asked ({}); next round", o.id(), e.getMessage());
        }
    }

    /**
     * A kill switch is engaged: each order of the account ({@code null}: of every account) that the broker holds open is
     * asked to be cancelled (history {@code cancel_requested}, "kill switch"); orders not yet at the broker stay
     * {@code pending_new} and are not sent while a switch is engaged. Does not wait for a connection: an order whose
     * broker is unreachable is asked again by the next periodic round. Returns the number of cancel requests sent.
     */
    public int cancelOpenOrders(String accountId) {
        int sent = 0;
        for (LiveOrder o : orders.openOrders()) {
            if ((accountId != null && !o.accountId().equals(accountId)) || o.state() == OrderState.PENDING_NEW) {
                continue;
            }
            Optional<LiveAccount> acc = accounts.account(o.accountId());
            if (acc.isEmpty()) {
                continue;
            }
            try {
                connections.adapter(acc.get(), Duration.ZERO).cancel(o.ticket(acc.get().accountId()));
                orders.addHistory(o.id(), o.state(), "cancel_requested", "kill switch", clock.instant());
                sent++;
            } catch (BrokerException | RuntimeException e) {
                log.warn("order {}: kill switch cancel not sent now ({}); the next round asks again", o.id(), e.getMessage());
            }
        }
        return sent;
    }

    /** The periodic round's part for kill switches: open orders of engaged accounts are asked to be cancelled again. */
    public void cancelUnderKillSwitches() {
        if (accounts.globalKillSwitch()) {
            cancelOpenOrders(null);
            return;
        }
        orders.openOrders().stream().map(LiveOrder::accountId).distinct()
                .filter(id -> accounts.account(id).map(LiveAccount::killSwitch).orElse(false))
                .forEach(this::cancelOpenOrders);
    }

    /** Now on the clock of the order's feed: the wall clock for live bars, a replay's last bar for a replay. */
    private Instant feedNow(LiveOrder o) {
        Optional<Publication> p = orders.publication(o.publishedId());
        if (p.isEmpty() || Publication.LIVE_FEED.equals(p.get().feed())) {
            return clock.instant();
        }
        return orders.lastBarEnd(p.get().feed(), o.ticker()).orElse(Instant.MIN);
    }

    /** Closes an order that never reached the broker as {@code expired}, with why. */
    private void expire(LiveOrder o, String why) {
        Instant now = clock.instant();
        LiveOrder after = tx.execute(s -> {
            LiveOrder locked = orders.lockOrder(o.id()).orElseThrow();
            if (locked.state() != OrderState.PENDING_NEW && locked.state() != OrderState.SENT) {
                return null;
            }
            orders.updateOrder(o.id(), OrderState.EXPIRED, locked.brokerOrderId(), locked.filledQuantity(),
                    locked.averagePrice(), locked.commission(), locked.lastFillAt(), now);
            orders.addHistory(o.id(), OrderState.EXPIRED, "expired", why, now);
            return orders.order(o.id()).orElseThrow();
        });
        if (after != null) {
            log.info("order {} (alert {}) expired: {}", o.id(), o.alertId(), why);
            updates.send(o.accountId(), "order", after);
        }
    }

    /** Asks the broker to cancel an open order of the caller. */
    public LiveOrder cancel(String ownerId, String orderId) {
        LiveOrder o = orders.order(orderId).filter(x -> x.ownerId().equals(ownerId))
                .orElseThrow(() -> new NotFoundException("Not found", "you have no live order '" + orderId + "'"));
        if (o.state().terminal()) {
            throw new ConflictException("Order closed", "order " + orderId + " is " + o.state().apiName() + " and cannot be cancelled");
        }
        LiveAccount acc = accounts.account(o.accountId()).orElseThrow();
        try {
            connections.adapter(acc, connectWait).cancel(o.ticket(acc.accountId()));
            orders.addHistory(o.id(), o.state(), "cancel_requested", null, clock.instant());
        } catch (BrokerException e) {
            throw new com.sigmatiq.kit.web.problem.UnavailableException("Broker unavailable",
                    "the cancel could not be sent to the broker; try again shortly", "cancel of " + orderId + ": " + e.getMessage(), e);
        }
        return orders.order(orderId).orElseThrow();
    }

    @Override
    public void execution(String accountId, ExecutionUpdate u) {
        Optional<LiveOrder> found = orders.orderByAlert(u.clientOrderId()).filter(o -> o.accountId().equals(accountId));
        if (found.isEmpty()) {
            log.warn("account {}: a report for client order id {} that is not ours (reconciliation reports it)", accountId,
                    u.clientOrderId());
            return;
        }
        boolean halts = haltAt != null && storedHere.contains(found.get().id());
        if (halts) {
            HaltPoint.REPORT_RECEIVED.reached(haltAt, u.kind() + " report of " + u.clientOrderId() + " received, not applied");
        }
        Instant now = clock.instant();
        LiveOrder after = tx.execute(s -> apply(orders.lockOrder(found.get().id()).orElseThrow(), u, now));
        if (halts && after != null && u.isFill() && after.filledQuantity() > found.get().filledQuantity()) {
            HaltPoint.FILL_APPLIED.reached(haltAt, "fill of " + u.lastQuantity() + " of " + u.clientOrderId() + " committed ("
                    + after.filledQuantity() + " of " + after.quantity() + ")");
        }
        if (after != null) {
            updates.send(accountId, u.isFill() ? "fill" : "order", after);
        }
    }

    /** Applies one report to a locked order; null when it changed nothing. */
    private LiveOrder apply(LiveOrder o, ExecutionUpdate u, Instant now) {
        long filled = o.filledQuantity();
        double avg = o.averagePrice();
        double commission = o.commission();
        Instant lastFill = o.lastFillAt();
        boolean changed = false;
        long missing = u.cumulativeQuantity() - filled;
        if (u.isFill() || (u.kind() == ExecutionUpdate.Kind.STATUS && missing > 0 && !Double.isNaN(u.averagePrice()))) {
            long qty;
            double px;
            String execId;
            if (u.isFill()) {
                qty = u.lastQuantity();
                px = u.lastPrice();
                execId = u.executionId();
            } else {
                // fills the broker reports in its totals that never reached us as executions: the difference, once
                qty = missing;
                px = (u.averagePrice() * u.cumulativeQuantity() - (filled == 0 ? 0 : avg * filled)) / qty;
                execId = "status:" + u.cumulativeQuantity();
            }
            Position p = orders.lockPosition(o.accountId(), o.ticker()).orElse(new Position(o.ticker(), 0, 0, 0));
            double realized = o.side() == OrderTicket.Side.BUY ? -u.commission() : (px - p.averagePrice()) * qty - u.commission();
            if (orders.insertFill(o.id(), execId, qty, px, u.commission(), realized, u.time())) {
                orders.savePosition(o.accountId(), moved(p, o.side(), qty, px, realized));
                avg = (filled == 0 ? 0 : avg * filled) / (filled + qty) + px * qty / (filled + qty);
                filled += qty;
                commission += u.commission();
                lastFill = u.time();
                changed = true;
            }
        }
        OrderState state = o.state();
        OrderState target = u.state();
        if (target != state && state.canMoveTo(target) && !(target == OrderState.FILLED && filled < o.quantity() && u.kind() != ExecutionUpdate.Kind.STATUS)) {
            state = target;
            changed = true;
        }
        if (!changed) {
            return null;
        }
        String brokerId = u.brokerOrderId() != null && !"NONE".equals(u.brokerOrderId()) ? u.brokerOrderId() : o.brokerOrderId();
        orders.updateOrder(o.id(), state, brokerId, filled, avg, commission, lastFill, now);
        orders.addHistory(o.id(), state, u.kind().name().toLowerCase(java.util.Locale.ROOT),
                u.isFill() ? u.lastQuantity() + " @ " + u.lastPrice() : u.text(), now);
        return orders.order(o.id()).orElseThrow();
    }

    /** The position after a fill of {@code qty} at {@code px}; {@code realized} is the fill's P&L, net of commission. */
    static Position moved(Position p, OrderTicket.Side side, long qty, double px, double realized) {
        if (side == OrderTicket.Side.BUY) {
            long q = p.quantity() + qty;
            return new Position(p.ticker(), q, (p.averagePrice() * p.quantity() + px * qty) / q, p.realizedPnl() + realized);
        }
        long q = p.quantity() - qty;
        return new Position(p.ticker(), q, q == 0 ? 0 : p.averagePrice(), p.realizedPnl() + realized);
    }

    @Override
    public void connectionState(String accountId, String state) {
        accounts.setConnectionState(accountId, state);
        updates.send(accountId, "connection", java.util.Map.of("state", state));
    }
}
