package com.sigmatiq.sim.web;

import com.sigmatiq.engine.backtest.PositionState;
import com.sigmatiq.sim.domain.Account;
import com.sigmatiq.sim.domain.PaperAlert;
import com.sigmatiq.sim.domain.PaperBook;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The API's shapes (snake_case on the wire). Prices and money are unrounded: paper equals the backtest to the cent. */
final class Views {

    private Views() {
    }

    /** An account: where it stands, its open position marked to the last close, and an order waiting for the next open. */
    record AccountView(String accountId, String publishedModelId, String modelId, String name, String ticker,
                       String timeframe, String feed, String status, double startingEquity, double cash, double equity,
                       Double lastClose, Instant lastBarTime, int sessions, int periodSessions, Instant periodStart,
                       List<PositionView> openPositions, List<OrderView> pendingOrders, String recommendation,
                       Instant createdAt, Instant completedAt) {

        static AccountView of(Account a, PaperBook book) {
            List<PositionView> positions = new ArrayList<>();
            PositionState p = book.openPosition();
            if (p != null) {
                positions.add(PositionView.open(a.ticker(), p.shares(), p.entryPrice(), book.lastClose(),
                        p.stop() == Double.NEGATIVE_INFINITY ? null : p.stop(),
                        p.target() == Double.POSITIVE_INFINITY ? null : p.target(), book.openAlertId(), book.openFillId(),
                        p.exitPending()));
            }
            List<OrderView> orders = new ArrayList<>();
            PaperAlert pending = book.pendingEntry();
            if (pending != null) {
                orders.add(new OrderView(pending.alertId(), "BUY", book.pendingShares(), "market_on_open",
                        Instant.ofEpochMilli(pending.barTime())));
            }
            return new AccountView(a.id(), a.publishedId(), a.modelId(), a.name(), a.ticker(), a.timeframe(), a.feed(),
                    a.status(), a.startingEquity(), book.cash(), book.equity(),
                    Double.isNaN(book.lastClose()) ? null : book.lastClose(),
                    book.lastTime() == Long.MIN_VALUE ? null : Instant.ofEpochMilli(book.lastTime()), book.sessionsSeen(),
                    a.sessions(), a.firstBar() == null ? null : Instant.ofEpochMilli(a.firstBar()), positions, orders,
                    a.recommendation(), a.createdAt(), a.completedAt());
        }
    }

    /** The seed's 7.3 {@code position}, with the bracket and, once closed, the realized P&amp;L. */
    record PositionView(String ticker, double quantity, double entryPrice, Double currentPrice, Double unrealizedPnl,
                        Double unrealizedPnlPct, Double realizedPnl, Double realizedPnlPct, Double stopLoss,
                        Double takeProfit, String alertId, String paperTradeId, Boolean exitPending) {

        static PositionView open(String ticker, double shares, double entry, double last, Double stop, Double target,
                                 String alertId, String fillId, boolean exitPending) {
            Double current = Double.isNaN(last) ? null : last;
            Double pnl = current == null ? null : shares * (current - entry);
            Double pct = current == null ? null : (current / entry - 1) * 100;
            return new PositionView(ticker, shares, entry, current, pnl, pct, null, null, stop, target, alertId, fillId,
                    exitPending);
        }
    }

    /** An entry decided at the last close, to fill at the next open. */
    record OrderView(String alertId, String side, double quantity, String orderType, Instant decidedAt) {
    }

    /** The seed's 7.3 {@code execution}. Slippage per share, negative when against the trader. */
    record ExecutionView(String status, double fillPrice, Instant fillTime, double slippage, double commission) {
    }

    /** One fill in the seed's 7.3 shape, with its side and reason. */
    record TradeView(String paperTradeId, String alertId, String side, String reason, ExecutionView execution,
                     PositionView position) {
    }

    record TradeList(String accountId, List<TradeView> trades, List<RoundTrip> roundTrips, Map<String, String> alerts) {

        static TradeList of(Account a, PaperBook book) {
            Map<String, PaperBook.Trade> byEntry = new HashMap<>();
            Map<String, PaperBook.Trade> byExit = new HashMap<>();
            for (PaperBook.Trade t : book.trades()) {
                byEntry.put(t.entryFillId(), t);
                byExit.put(t.exitFillId(), t);
            }
            PositionState open = book.openPosition();
            List<TradeView> out = new ArrayList<>();
            for (PaperBook.Fill f : book.fills()) {
                ExecutionView x = new ExecutionView("filled", f.fillPrice(), Instant.ofEpochMilli(f.fillTime()), f.slippage(),
                        f.commission());
                PositionView position;
                if (f.buy()) {
                    PaperBook.Trade closed = byEntry.get(f.fillId());
                    if (closed != null) {
                        position = new PositionView(a.ticker(), f.quantity(), f.fillPrice(), closed.exitPrice(), 0.0, 0.0,
                                closed.pnl(), closed.returnFraction() * 100, null, null, f.alertId(), f.fillId(), false);
                    } else if (open != null && f.fillId().equals(book.openFillId())) {
                        position = PositionView.open(a.ticker(), open.shares(), open.entryPrice(), book.lastClose(),
                                open.stop() == Double.NEGATIVE_INFINITY ? null : open.stop(),
                                open.target() == Double.POSITIVE_INFINITY ? null : open.target(), f.alertId(), f.fillId(),
                                open.exitPending());
                    } else {
                        position = PositionView.open(a.ticker(), f.quantity(), f.fillPrice(), book.lastClose(), null, null,
                                f.alertId(), f.fillId(), false);
                    }
                } else {
                    PaperBook.Trade t = byExit.get(f.fillId());
                    position = new PositionView(a.ticker(), 0, t.entryPrice(), f.fillPrice(), 0.0, 0.0, t.pnl(),
                            t.returnFraction() * 100, null, null, t.entryAlertId(), t.entryFillId(), false);
                }
                out.add(new TradeView(f.fillId(), f.alertId(), f.buy() ? "BUY" : "SELL", f.reason(), x, position));
            }
            List<RoundTrip> trips = book.trades().stream().map(RoundTrip::of).toList();
            return new TradeList(a.id(), out, trips, book.outcomes());
        }
    }

    /** A closed round trip, prices being fill prices (as a backtest's trades). */
    record RoundTrip(int seq, String entryPaperTradeId, String exitPaperTradeId, String entryAlertId, String exitAlertId,
                     Instant entryTime, Instant exitTime, double entryPrice, double exitPrice, double shares,
                     double commission, double pnl, double returnPct, int durationDays, String exitReason) {

        static RoundTrip of(PaperBook.Trade t) {
            return new RoundTrip(t.seq(), t.entryFillId(), t.exitFillId(), t.entryAlertId(), t.exitAlertId(),
                    Instant.ofEpochMilli(t.entryTime()), Instant.ofEpochMilli(t.exitTime()), t.entryPrice(), t.exitPrice(),
                    t.shares(), t.commission(), t.pnl(), t.returnFraction() * 100, t.durationDays(), t.exitReason().id());
        }
    }

    /** The daily equity curve: equity at each session's last bar, and its return against the session before. */
    record EquityCurve(String accountId, double startingEquity, List<EquityPoint> curve) {

        static EquityCurve of(Account a, PaperBook book) {
            List<EquityPoint> points = new ArrayList<>();
            double before = a.startingEquity();
            for (PaperBook.SessionEquity e : book.equityCurve()) {
                points.add(new EquityPoint(e.date(), e.equity(), e.cash(), e.equity() / before - 1));
                before = e.equity();
            }
            return new EquityCurve(a.id(), a.startingEquity(), points);
        }
    }

    record EquityPoint(LocalDate date, double equity, double cash, double dailyReturn) {
    }

    record AccountList(List<AccountView> accounts) {
    }
}
