package com.sigmatiq.localbroker.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The local broker's exchange: takes orders, fills them against the feeds' closed bars, cancels them. An order fills
 * on the first bar of its symbol that starts after the last bar of the same stream (feed and timeframe) the broker had
 * seen when the order arrived — the next bar, even when the bars are read a little behind the orders — on any feed:
 * the broker does not know which feed a client follows. One lock guards the book; every change is stored before it is
 * reported.
 */
@Service
public class Exchange {

    private static final Logger log = LoggerFactory.getLogger(Exchange.class);

    /** An order as a client asked for it. */
    public record NewOrder(String clOrdId, String clientCompId, String account, String symbol, BrokerOrder.Side side,
                           BrokerOrder.OrderType type, long quantity, Double limitPrice, Double stopPrice,
                           String timeInForce) {
    }

    /** The order the broker holds for a ClOrdID, and whether this request created it. */
    public record Accepted(BrokerOrder order, boolean created) {
    }

    private final OrderBook book;
    private final ApplicationEventPublisher events;
    private final LocalBrokerProperties properties;
    private final Clock clock;
    /** Open orders by ClOrdID, in arrival order. */
    private final Map<String, BrokerOrder> open = new LinkedHashMap<>();
    /** Per symbol: the start of the last bar seen per stream. */
    private final Map<String, Map<String, Instant>> lastStart = new HashMap<>();
    /** Per open order: {@link #lastStart} of its symbol when it arrived (absent for orders loaded at start). */
    private final Map<String, Map<String, Instant>> seenAtArrival = new HashMap<>();

    public Exchange(OrderBook book, ApplicationEventPublisher events, LocalBrokerProperties properties, Clock clock) {
        this.book = book;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        book.open().forEach(o -> open.put(o.clOrdId(), o));
    }

    /**
     * Takes a new order; a ClOrdID the broker knows changes nothing and answers the order as it stands. An order the
     * broker cannot take is stored rejected, with the reason.
     */
    public synchronized Accepted accept(NewOrder r) {
        Optional<BrokerOrder> known = book.find(r.clOrdId());
        if (known.isPresent()) {
            return new Accepted(known.get(), false);
        }
        String problem = problem(r);
        Instant now = clock.instant();
        BrokerOrder o = new BrokerOrder(r.clOrdId(), "LB-" + book.nextOrderNumber(), r.clientCompId(), r.account(),
                r.symbol(), r.side(), r.type(), r.quantity(), r.limitPrice(), r.stopPrice(), r.timeInForce(),
                problem == null ? BrokerOrder.Status.NEW : BrokerOrder.Status.REJECTED, 0, 0, 0, problem, null, now, now);
        if (!book.insert(o)) {
            return new Accepted(book.find(r.clOrdId()).orElseThrow(), false);
        }
        if (o.status().open()) {
            open.put(o.clOrdId(), o);
            seenAtArrival.put(o.clOrdId(), new HashMap<>(lastStart.getOrDefault(o.symbol(), Map.of())));
        }
        return new Accepted(o, true);
    }

    private static String problem(NewOrder r) {
        if (r.symbol() == null || r.symbol().isBlank()) {
            return "no symbol";
        }
        if (r.quantity() <= 0) {
            return "quantity must be positive";
        }
        if (r.type() == null) {
            return "order type not supported (market, limit, stop)";
        }
        if (r.type() == BrokerOrder.OrderType.LIMIT && (r.limitPrice() == null || !(r.limitPrice() > 0))) {
            return "a limit order needs a positive price";
        }
        if (r.type() == BrokerOrder.OrderType.STOP && (r.stopPrice() == null || !(r.stopPrice() > 0))) {
            return "a stop order needs a positive stop price";
        }
        return null;
    }

    /** Cancels an open order; empty when the broker does not know it, the order unchanged when it is closed. */
    public synchronized Optional<BrokerOrder> cancel(String clOrdId) {
        Optional<BrokerOrder> o = book.find(clOrdId);
        if (o.isEmpty() || !o.get().status().open()) {
            return o;
        }
        BrokerOrder c = o.get().cancelled(clock.instant());
        book.update(c);
        open.remove(clOrdId);
        seenAtArrival.remove(clOrdId);
        return Optional.of(c);
    }

    public Optional<BrokerOrder> order(String clOrdId) {
        return book.find(clOrdId);
    }

    /** The open orders of one client session. */
    public synchronized List<BrokerOrder> openOrders(String clientCompId) {
        return open.values().stream().filter(o -> o.clientCompId().equals(clientCompId)).toList();
    }

    /** One client session's positions from its fills: symbol → signed quantity and average cost, flat ones left out. */
    public Map<String, double[]> positions(String clientCompId) {
        Map<String, double[]> p = new LinkedHashMap<>();
        for (BrokerOrder o : book.filled(clientCompId)) {
            double[] pos = p.computeIfAbsent(o.symbol(), s -> new double[2]);
            long q = o.side() == BrokerOrder.Side.BUY ? o.filledQuantity() : -o.filledQuantity();
            double before = pos[0];
            double after = before + q;
            if (before == 0 || Math.signum(before) == Math.signum(q)) {
                pos[1] = (pos[1] * Math.abs(before) + o.averagePrice() * Math.abs(q)) / Math.abs(after);
            } else if (after != 0 && Math.signum(after) != Math.signum(before)) {
                pos[1] = o.averagePrice();
            }
            pos[0] = after;
        }
        p.values().removeIf(pos -> pos[0] == 0);
        return p;
    }

    /** A closed bar: fills every open order of its symbol that it is the next bar for and that it reaches. */
    public void bar(Bar bar) {
        List<BrokerOrder> filled = new ArrayList<>();
        synchronized (this) {
            for (BrokerOrder o : List.copyOf(open.values())) {
                if (!o.symbol().equals(bar.symbol()) || !after(o, bar)) {
                    continue;
                }
                OptionalDouble price = Matching.fillPrice(o.side(), o.type(), o.limitPrice(), o.stopPrice(), bar);
                if (price.isEmpty()) {
                    continue;
                }
                double commission = Math.round(o.quantity() * properties.commissionPerShare() * 100) / 100.0;
                BrokerOrder f = o.filled(price.getAsDouble(), commission, bar.stream() + "|" + bar.start(), clock.instant());
                book.update(f);
                open.remove(o.clOrdId());
                seenAtArrival.remove(o.clOrdId());
                filled.add(f);
            }
            lastStart.computeIfAbsent(bar.symbol(), s -> new HashMap<>()).merge(bar.stream(), bar.start(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        for (BrokerOrder f : filled) {
            log.info("filled {} {} {} {} at {} (bar {})", f.orderId(), f.side(), f.quantity(), f.symbol(), f.averagePrice(),
                    f.fillBar());
            events.publishEvent(new OrderFilled(f));
        }
    }

    private boolean after(BrokerOrder o, Bar bar) {
        Map<String, Instant> seen = seenAtArrival.get(o.clOrdId());
        if (seen == null) {
            return true;
        }
        Instant last = seen.get(bar.stream());
        return last == null || bar.start().isAfter(last);
    }
}
