package com.sigmatiq.pilot.domain;

import com.sigmatiq.kit.web.problem.ConflictException;
import com.sigmatiq.kit.web.problem.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
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

    public LiveTrading(PilotStore accounts, OrderStore orders, BrokerConnections connections, OrderUpdates updates,
                       TransactionTemplate tx, Clock clock, Duration connectWait, Duration lookupWait) {
        this.accounts = accounts;
        this.orders = orders;
        this.connections = connections;
        this.updates = updates;
        this.tx = tx;
        this.clock = clock;
        this.connectWait = connectWait;
        this.lookupWait = lookupWait;
        connections.events(this);
    }

    /** Takes an alert of {@code alerts.live}: refused with its reason, or stored as an order and sent. */
    public void alert(LiveAlert alert) {
        if (orders.alertSeen(alert.alertId())) {
            return;
        }
        Instant now = clock.instant();
        Optional<Publication> publication = orders.publication(alert.publishedId());
        Optional<Approval> approval = orders.approval(alert.publishedId());
        Optional<LiveAccount> account = approval.flatMap(a -> accounts.account(a.accountId()));
        if (account.isEmpty()) {
            String status = publication.map(Publication::status).orElse(null);
            refuse(alert, null, null, RiskChecks.MODEL_LIVE, status == null ? "the published model is unknown"
                    : "the published model has no live-trading approval", now);
            return;
        }
        LiveAccount acc = account.get();
        LiveOrder order = tx.execute(s -> decide(alert, publication.orElse(null), approval.get(), acc, now));
        if (order != null) {
            updates.send(acc.id(), "order", order);
            send(acc, order);
        }
    }

    private LiveOrder decide(LiveAlert alert, Publication publication, Approval approval, LiveAccount acc, Instant now) {
        if (orders.alertSeen(alert.alertId())) {
            return null;
        }
        String ticker = publication != null ? publication.ticker() : alert.ticker();
        String feed = publication != null ? publication.feed() : "live";
        double lastClose = orders.lastClose(feed, ticker);
        double price = alert.orderType() == OrderTicket.OrderType.LIMIT ? alert.limitPrice() : lastClose;
        long held = orders.lockPosition(acc.id(), ticker).map(Position::quantity).orElse(0L);
        Instant dayStart = LocalDate.ofInstant(now, EXCHANGE).atStartOfDay(EXCHANGE).toInstant();
        Limits limits = acc.limits();
        RiskChecks.Context c = new RiskChecks.Context(accounts.globalKillSwitch(), acc.killSwitch(),
                publication == null ? null : publication.status(), approval.inForce(now), limits,
                Math.min(limits.maxPositionSize(), approval.maxPositionSize()), Math.min(limits.maxCapital(), approval.maxCapital()),
                alert.buy(), alert.quantity(), price, held, orders.openPositions(acc.id()), orders.capitalInUse(acc.id()),
                -Math.min(0, orders.realizedSince(acc.id(), dayStart)), lastClose, orders.ordersSince(acc.id(), now.minusSeconds(60)));
        RiskChecks.Outcome outcome = RiskChecks.check(c);
        if (outcome.refused()) {
            Refusal r = new Refusal(alert.alertId(), alert.publishedId(), acc.id(), acc.ownerId(), outcome.check(), outcome.reason(), now);
            orders.refuse(r);
            updates.send(acc.id(), "refusal", r);
            log.info("alert {} refused by {}: {}", alert.alertId(), outcome.check(), outcome.reason());
            return null;
        }
        OrderTicket.OrderType type = alert.buy() ? alert.orderType() : OrderTicket.OrderType.MARKET;
        LiveOrder o = new LiveOrder("ORD_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), alert.alertId(),
                acc.id(), acc.ownerId(), alert.publishedId(), ticker, alert.buy() ? OrderTicket.Side.BUY : OrderTicket.Side.SELL,
                outcome.quantity(), type, type == OrderTicket.OrderType.LIMIT ? alert.limitPrice() : Double.NaN,
                alert.timeInForce(), lastClose, OrderState.PENDING_NEW, null, 0, Double.NaN, 0, null, now, null, now);
        orders.insertOrder(o);
        return o;
    }

    private void refuse(LiveAlert alert, String accountId, String ownerId, String check, String reason, Instant now) {
        tx.executeWithoutResult(s -> {
            if (!orders.alertSeen(alert.alertId())) {
                orders.refuse(new Refusal(alert.alertId(), alert.publishedId(), accountId, ownerId, check, reason, now));
            }
        });
        log.info("alert {} refused by {}: {}", alert.alertId(), check, reason);
    }

    /** Hands a stored order to the broker; if it certainly did not leave, it stays {@code pending_new} for {@link #resume}. */
    private void send(LiveAccount acc, LiveOrder o) {
        try {
            BrokerAdapter adapter = connections.adapter(acc, connectWait);
            adapter.send(o.ticket(acc.accountId()));
            if (orders.markSent(o.id(), clock.instant())) {
                orders.order(o.id()).ifPresent(sent -> updates.send(acc.id(), "order", sent));
            }
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
            Optional<LiveAccount> acc = accounts.account(o.accountId());
            if (acc.isEmpty()) {
                continue;
            }
            try {
                BrokerAdapter adapter = connections.adapter(acc.get(), connectWait);
                Optional<ExecutionUpdate> known = adapter.lookup(o.ticket(acc.get().accountId()), lookupWait);
                if (known.isPresent()) {
                    execution(o.accountId(), known.get());
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
        Instant now = clock.instant();
        LiveOrder after = tx.execute(s -> apply(orders.lockOrder(found.get().id()).orElseThrow(), u, now));
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
