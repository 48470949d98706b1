package com.sigmatiq.pilot.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reconciles an account with its broker (at start and every minute): each of our open orders is looked up by its
 * client order id and compared (state, filled quantity); positions are compared, and the broker's open orders searched
 * for ones that are none of ours, where the broker reports them. Every difference is reported; the broker's answer is then applied like any report (a fill we missed is counted once).
 */
public class Reconciler {

    private final PilotStore accounts;
    private final OrderStore orders;
    private final BrokerConnections connections;
    private final LiveTrading trading;
    private final ReconciliationStore reports;
    private final Clock clock;
    private final Duration wait;

    public Reconciler(PilotStore accounts, OrderStore orders, BrokerConnections connections, LiveTrading trading,
                      ReconciliationStore reports, Clock clock, Duration wait) {
        this.accounts = accounts;
        this.orders = orders;
        this.connections = connections;
        this.trading = trading;
        this.reports = reports;
        this.clock = clock;
        this.wait = wait;
    }

    /** Reconciles every account whose broker connection is open. */
    public void reconcileOpen() {
        for (String id : orders.approvedAccounts()) {
            if (connections.isOpen(id)) {
                accounts.account(id).ifPresent(this::reconcile);
            }
        }
    }

    public ReconciliationReport reconcile(LiveAccount account) {
        List<ReconciliationReport.Difference> diffs = new ArrayList<>();
        BrokerAdapter adapter = connections.adapter(account, wait);
        List<LiveOrder> open = orders.openOrders().stream().filter(o -> o.accountId().equals(account.id())).toList();
        for (LiveOrder o : open) {
            Optional<ExecutionUpdate> theirs;
            try {
                theirs = adapter.lookup(o.ticket(account.accountId()), wait);
            } catch (BrokerException e) {
                diffs.add(new ReconciliationReport.Difference("not_asked", o.id(), o.alertId(), o.ticker(), o.state().apiName(),
                        null, e.getMessage()));
                continue;
            }
            if (theirs.isEmpty()) {
                if (o.state() != OrderState.PENDING_NEW) {
                    diffs.add(new ReconciliationReport.Difference("unknown_at_broker", o.id(), o.alertId(), o.ticker(),
                            o.state().apiName(), null, "the broker does not know this client order id"));
                }
                continue;
            }
            ExecutionUpdate u = theirs.get();
            if (u.state() != o.state()) {
                diffs.add(new ReconciliationReport.Difference("state", o.id(), o.alertId(), o.ticker(), o.state().apiName(),
                        u.state().apiName(), null));
            }
            if (u.cumulativeQuantity() != o.filledQuantity()) {
                diffs.add(new ReconciliationReport.Difference("filled_quantity", o.id(), o.alertId(), o.ticker(),
                        Long.toString(o.filledQuantity()), Long.toString(u.cumulativeQuantity()), null));
            }
            trading.execution(account.id(), u);
        }
        boolean positionsChecked = false;
        try {
            List<BrokerPosition> theirs = adapter.positions(wait);
            positionsChecked = true;
            Map<String, Long> ours = new HashMap<>();
            orders.positions(account.id()).forEach(p -> ours.put(p.ticker(), p.quantity()));
            Map<String, Long> broker = new HashMap<>();
            theirs.forEach(p -> broker.put(p.ticker(), p.quantity()));
            java.util.Set<String> tickers = new java.util.TreeSet<>(ours.keySet());
            tickers.addAll(broker.keySet());
            for (String t : tickers) {
                long a = ours.getOrDefault(t, 0L);
                long b = broker.getOrDefault(t, 0L);
                if (a != b) {
                    diffs.add(new ReconciliationReport.Difference("position", null, null, t, Long.toString(a), Long.toString(b), null));
                }
            }
        } catch (BrokerException e) {
            // an adapter without positions: reported as not checked
        }
        boolean openOrdersChecked = false;
        try {
            for (ExecutionUpdate theirs : adapter.openOrders(wait)) {
                boolean ours = orders.orderByAlert(theirs.clientOrderId()).filter(o -> o.accountId().equals(account.id()))
                        .isPresent();
                if (!ours) {
                    diffs.add(new ReconciliationReport.Difference("unknown_to_us", null, theirs.clientOrderId(), null, null,
                            theirs.state().apiName(), "an order open at the broker that is none of ours"
                                    + (theirs.brokerOrderId() == null ? "" : " (broker order " + theirs.brokerOrderId() + ")")));
                }
            }
            openOrdersChecked = true;
        } catch (BrokerException e) {
            // an adapter that cannot list them: reported as not checked
        }
        ReconciliationReport r = new ReconciliationReport(account.id(), clock.instant(), open.size(), positionsChecked,
                openOrdersChecked, diffs);
        reports.save(r);
        return r;
    }
}
