package com.sigmatiq.pilot.web;

import com.sigmatiq.pilot.domain.Connection;
import com.sigmatiq.pilot.domain.Limits;
import com.sigmatiq.pilot.domain.LiveAccount;
import com.sigmatiq.pilot.domain.LiveOrder;
import com.sigmatiq.pilot.domain.OrderHistory;
import com.sigmatiq.pilot.domain.Position;
import com.sigmatiq.pilot.domain.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The API's answers (snake_case JSON). Credentials never appear: only whether some are set. */
final class Views {

    private Views() {
    }

    /** P&L in dollars: realized (net of commissions) from our fills. */
    record Pnl(double realized) {
    }

    record AccountView(String id, String broker, String accountId, Connection connection, Limits limits,
                       boolean killSwitch, boolean globalKillSwitch, String connectionState, boolean credentialsSet,
                       List<Position> positions, Pnl pnl, Instant createdAt) {

        static AccountView of(LiveAccount a, boolean global, List<Position> positions) {
            double realized = Math.round(positions.stream().mapToDouble(Position::realizedPnl).sum() * 100) / 100.0;
            return new AccountView(a.id(), a.broker().apiName(), a.accountId(), a.connection(), a.limits(), a.killSwitch(),
                    global, a.connectionState(), a.credentialsSet(), positions.stream().filter(p -> p.quantity() != 0).toList(),
                    new Pnl(realized), a.createdAt());
        }
    }

    /** Seed 8.2's routing destination. */
    record Destination(String service, String status, String broker, String account, String orderId) {
    }

    record Routing(List<Destination> destinations) {
    }

    /** Seed 8.2's execution: fill price and time of the (average) fill, commission and slippage in dollars. */
    record Execution(String status, long filledQuantity, Double fillPrice, Instant fillTime, double commission, Double slippage) {
    }

    /** A live order in seed 8.2's shape, with what was asked and its state history. */
    record OrderView(String orderId, String alertId, String modelId, String accountId, String ticker, String side,
                     long quantity, String orderType, Double limitPrice, String timeInForce, String state,
                     String brokerOrderId, Routing routing, Execution execution, Instant createdAt,
                     List<OrderHistory> history) {

        static OrderView of(LiveOrder o, String broker, String brokerAccount, List<OrderHistory> history) {
            Double avg = Double.isNaN(o.averagePrice()) ? null : Math.round(o.averagePrice() * 10_000) / 10_000.0;
            return new OrderView(o.id(), o.alertId(), o.publishedId(), o.accountId(), o.ticker(), lower(o.side()), o.quantity(),
                    lower(o.type()), Double.isNaN(o.limitPrice()) ? null : o.limitPrice(), lower(o.timeInForce()),
                    o.state().apiName(), o.brokerOrderId(),
                    new Routing(List.of(new Destination("sigma_pilot", o.sentAt() == null ? "pending" : "sent", broker,
                            brokerAccount, o.id()))),
                    new Execution(o.state().apiName(), o.filledQuantity(), avg, o.lastFillAt(),
                            Math.round(o.commission() * 100) / 100.0, o.slippage()),
                    o.createdAt(), history);
        }
    }

    record OrderList(List<OrderView> orders) {
    }

    record RefusalList(List<Refusal> refusals) {
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    record AccountList(List<AccountView> accounts) {
    }

    /** A kill switch's state. */
    record KillSwitch(boolean engaged) {
    }

    /** {@code {"engaged": true|false}}; absent is refused, never read as a release. */
    record KillSwitchRequest(Boolean engaged) {

        boolean value() {
            if (engaged == null) {
                throw com.sigmatiq.kit.web.problem.InvalidRequestException.of("engaged", "is required: true or false");
            }
            return engaged;
        }
    }
}
