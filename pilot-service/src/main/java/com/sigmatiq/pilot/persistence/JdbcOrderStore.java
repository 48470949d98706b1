package com.sigmatiq.pilot.persistence;

import com.sigmatiq.pilot.domain.Approval;
import com.sigmatiq.pilot.domain.LiveOrder;
import com.sigmatiq.pilot.domain.OrderHistory;
import com.sigmatiq.pilot.domain.OrderState;
import com.sigmatiq.pilot.domain.OrderStore;
import com.sigmatiq.pilot.domain.OrderTicket;
import com.sigmatiq.pilot.domain.Position;
import com.sigmatiq.pilot.domain.Publication;
import com.sigmatiq.pilot.domain.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** {@link OrderStore} on the {@code pilot} schema. */
@Repository
class JdbcOrderStore implements OrderStore {

    private static final String ORDER_COLUMNS = "id, alert_id, account_id, owner_id, published_id, ticker, side, quantity, "
            + "order_type, limit_price, time_in_force, reference_price, state, broker_order_id, filled_quantity, average_price, "
            + "commission, last_fill_at, created_at, sent_at, updated_at, valid_until";
    private static final String OPEN_STATES = "('pending_new', 'sent', 'acknowledged', 'partially_filled')";

    private final RowMapper<LiveOrder> orderRows = JdbcOrderStore::order;
    private final RowMapper<Refusal> refusalRows = (rs, n) -> new Refusal(rs.getString("alert_id"), rs.getString("published_id"),
            rs.getString("account_id"), rs.getString("owner_id"), rs.getString("check_name"), rs.getString("reason"),
            rs.getTimestamp("at").toInstant());
    private final RowMapper<Position> positionRows = (rs, n) -> new Position(rs.getString("ticker"), rs.getLong("quantity"),
            rs.getDouble("average_price"), rs.getDouble("realized_pnl"));
    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcOrderStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void upsertPublication(Publication p, Instant at) {
        jdbc.sql("""
                        insert into publication (published_id, owner_id, model_id, ticker, feed, status, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (published_id) do update set owner_id = excluded.owner_id, model_id = excluded.model_id,
                          ticker = excluded.ticker, feed = excluded.feed, updated_at = excluded.updated_at""")
                .params(p.publishedId(), p.ownerId(), p.modelId(), p.ticker(), p.feed(), p.status(), Timestamp.from(at)).update();
    }

    @Override
    public void publicationStatus(String publishedId, String status, Instant at) {
        jdbc.sql("update publication set status = ?, updated_at = ? where published_id = ?")
                .params(status, Timestamp.from(at), publishedId).update();
    }

    @Override
    public void recommendation(String publishedId, String recommendation, Instant at) {
        jdbc.sql("""
                        insert into paper_recommendation (published_id, recommendation, at) values (?, ?, ?)
                        on conflict (published_id) do update set recommendation = excluded.recommendation, at = excluded.at""")
                .params(publishedId, recommendation, Timestamp.from(at)).update();
    }

    @Override
    public Optional<Publication> publication(String publishedId) {
        return jdbc.sql("select p.*, r.recommendation from publication p "
                        + "left join paper_recommendation r on r.published_id = p.published_id where p.published_id = ?").param(publishedId)
                .query((rs, n) -> new Publication(rs.getString("published_id"), rs.getString("owner_id"), rs.getString("model_id"),
                        rs.getString("ticker"), rs.getString("feed"), rs.getString("status"), rs.getString("recommendation")))
                .optional();
    }

    @Override
    public boolean insertApproval(Approval a) {
        return jdbc.sql("""
                        insert into approval (published_id, owner_id, account_id, max_capital, max_position_size,
                          enable_sigma_pilot, go_live_date, approved_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (published_id) do nothing""")
                .params(a.publishedId(), a.ownerId(), a.accountId(), a.maxCapital(), a.maxPositionSize(), a.enableSigmaPilot(),
                        Timestamp.from(a.goLiveDate()), Timestamp.from(a.approvedAt())).update() == 1;
    }

    @Override
    public Optional<Approval> approval(String publishedId) {
        return jdbc.sql("select * from approval where published_id = ?").param(publishedId)
                .query((rs, n) -> new Approval(rs.getString("published_id"), rs.getString("owner_id"), rs.getString("account_id"),
                        rs.getDouble("max_capital"), rs.getDouble("max_position_size"), rs.getBoolean("enable_sigma_pilot"),
                        rs.getTimestamp("go_live_date").toInstant(), rs.getTimestamp("approved_at").toInstant()))
                .optional();
    }

    @Override
    public List<String> approvedAccounts() {
        return jdbc.sql("select distinct account_id from approval where enable_sigma_pilot").query(String.class).list();
    }

    @Override
    public void lastClose(String feed, String ticker, double close, Instant barEnd) {
        jdbc.sql("""
                        insert into last_close (feed, ticker, close, bar_end) values (?, ?, ?, ?)
                        on conflict (feed, ticker) do update set close = excluded.close, bar_end = excluded.bar_end
                        where last_close.bar_end <= excluded.bar_end""")
                .params(feed, ticker, close, Timestamp.from(barEnd)).update();
    }

    @Override
    public Optional<Instant> lastBarEnd(String feed, String ticker) {
        return jdbc.sql("select bar_end from last_close where feed = ? and ticker = ?").params(feed, ticker)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    @Override
    public double lastClose(String feed, String ticker) {
        return jdbc.sql("select close from last_close where feed = ? and ticker = ?").params(feed, ticker)
                .query(Double.class).optional().orElse(Double.NaN);
    }

    @Override
    public boolean alertSeen(String alertId) {
        return jdbc.sql("select exists (select 1 from live_order where alert_id = ?) or exists (select 1 from refusal where alert_id = ?)")
                .params(alertId, alertId).query(Boolean.class).single();
    }

    @Override
    public void refuse(Refusal r) {
        jdbc.sql("""
                        insert into refusal (alert_id, published_id, account_id, owner_id, check_name, reason, at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (alert_id) do nothing""")
                .params(r.alertId(), r.publishedId(), r.accountId(), r.ownerId(), r.check(), r.reason(), Timestamp.from(r.at()))
                .update();
    }

    @Override
    public void insertOrder(LiveOrder o) {
        // the order and its first history row in one statement
        jdbc.sql("with o as (insert into live_order (" + ORDER_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?) returning id, state, created_at)"
                        + " insert into order_event (order_id, state, kind, detail, at) select id, state, 'stored', null, created_at from o")
                .params(o.id(), o.alertId(), o.accountId(), o.ownerId(), o.publishedId(), o.ticker(), lower(o.side()),
                        o.quantity(), lower(o.type()), nan(o.limitPrice()), lower(o.timeInForce()), o.referencePrice(),
                        o.state().apiName(), o.brokerOrderId(), o.filledQuantity(), nan(o.averagePrice()), o.commission(),
                        ts(o.lastFillAt()), ts(o.createdAt()), ts(o.sentAt()), ts(o.updatedAt()), ts(o.validUntil()))
                .update();
    }

    @Override
    public boolean markSent(String orderId, Instant at) {
        // pending_new -> sent with its history row in one statement; an order a report moved on keeps its state
        int n = jdbc.sql("""
                        with u as (update live_order set state = 'sent', sent_at = ?, updated_at = ?
                                   where id = ? and state = 'pending_new' returning id)
                        insert into order_event (order_id, state, kind, detail, at) select id, 'sent', 'sent', null, ? from u""")
                .params(Timestamp.from(at), Timestamp.from(at), orderId, Timestamp.from(at)).update();
        if (n == 0) {
            jdbc.sql("update live_order set sent_at = coalesce(sent_at, ?) where id = ?").params(Timestamp.from(at), orderId).update();
        }
        return n == 1;
    }

    @Override
    public Optional<LiveOrder> order(String id) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from live_order where id = ?").param(id).query(orderRows).optional();
    }

    @Override
    public Optional<LiveOrder> orderByAlert(String alertId) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from live_order where alert_id = ?").param(alertId).query(orderRows).optional();
    }

    @Override
    public Optional<LiveOrder> lockOrder(String id) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from live_order where id = ? for update").param(id).query(orderRows).optional();
    }

    @Override
    public List<LiveOrder> orders(String accountId) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from live_order where account_id = ? order by created_at desc, id")
                .param(accountId).query(orderRows).list();
    }

    @Override
    public List<LiveOrder> openOrders() {
        return jdbc.sql("select " + ORDER_COLUMNS + " from live_order where state in " + OPEN_STATES + " order by created_at")
                .query(orderRows).list();
    }

    @Override
    public List<OrderHistory> history(String orderId) {
        return jdbc.sql("select state, kind, detail, at from order_event where order_id = ? order by id").param(orderId)
                .query((rs, n) -> new OrderHistory(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    @Override
    public void addHistory(String orderId, OrderState state, String kind, String detail, Instant at) {
        jdbc.sql("insert into order_event (order_id, state, kind, detail, at) values (?, ?, ?, ?, ?)")
                .params(orderId, state.apiName(), kind, detail, Timestamp.from(at)).update();
    }

    @Override
    public boolean insertFill(String orderId, String executionId, long quantity, double price, double commission,
                              double realizedPnl, Instant at) {
        return jdbc.sql("""
                        insert into fill (order_id, execution_id, quantity, price, commission, realized_pnl, at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(orderId, executionId, quantity, price, commission, realizedPnl, Timestamp.from(at)).update() == 1;
    }

    @Override
    public void updateOrder(String orderId, OrderState state, String brokerOrderId, long filledQuantity, double averagePrice,
                            double commission, Instant lastFillAt, Instant at) {
        jdbc.sql("""
                        update live_order set state = ?, broker_order_id = ?, filled_quantity = ?, average_price = ?,
                          commission = ?, last_fill_at = ?, updated_at = ? where id = ?""")
                .params(state.apiName(), brokerOrderId, filledQuantity, nan(averagePrice), commission, ts(lastFillAt),
                        Timestamp.from(at), orderId).update();
    }

    @Override
    public Optional<Position> lockPosition(String accountId, String ticker) {
        return jdbc.sql("select * from position where account_id = ? and ticker = ? for update").params(accountId, ticker)
                .query(positionRows).optional();
    }

    @Override
    public void savePosition(String accountId, Position p) {
        jdbc.sql("""
                        insert into position (account_id, ticker, quantity, average_price, realized_pnl) values (?, ?, ?, ?, ?)
                        on conflict (account_id, ticker) do update set quantity = excluded.quantity,
                          average_price = excluded.average_price, realized_pnl = excluded.realized_pnl""")
                .params(accountId, p.ticker(), p.quantity(), p.averagePrice(), p.realizedPnl()).update();
    }

    @Override
    public List<Position> positions(String accountId) {
        return jdbc.sql("select * from position where account_id = ? order by ticker").param(accountId).query(positionRows).list();
    }

    @Override
    public int openPositions(String accountId) {
        return jdbc.sql("select count(*) from position where account_id = ? and quantity <> 0").param(accountId)
                .query(Integer.class).single();
    }

    @Override
    public double capitalInUse(String accountId) {
        return jdbc.sql("""
                        select coalesce((select sum(quantity * average_price) from position where account_id = ? and quantity > 0), 0)
                             + coalesce((select sum((quantity - filled_quantity) * coalesce(limit_price, reference_price))
                                         from live_order where account_id = ? and side = 'buy' and state in """ + OPEN_STATES + "), 0)")
                .params(accountId, accountId).query(Double.class).single();
    }

    @Override
    public double realizedSince(String accountId, Instant since) {
        return jdbc.sql("""
                        select coalesce(sum(f.realized_pnl), 0) from fill f join live_order o on o.id = f.order_id
                        where o.account_id = ? and f.at >= ?""")
                .params(accountId, Timestamp.from(since)).query(Double.class).single();
    }

    @Override
    public int ordersSince(String accountId, Instant since) {
        return jdbc.sql("select count(*) from live_order where account_id = ? and created_at > ?")
                .params(accountId, Timestamp.from(since)).query(Integer.class).single();
    }

    @Override
    public Optional<Approved> lockApproved(String publishedId) {
        return jdbc.sql("select " + AccountRows.COLUMNS + ", ap.published_id as ap_published_id, ap.owner_id as ap_owner_id,"
                        + " ap.max_capital as ap_max_capital, ap.max_position_size as ap_max_position_size,"
                        + " ap.enable_sigma_pilot, ap.go_live_date, ap.approved_at"
                        + " from approval ap join account a on a.id = ap.account_id where ap.published_id = ? for update of a")
                .param(publishedId)
                .query((rs, n) -> new Approved(new Approval(rs.getString("ap_published_id"), rs.getString("ap_owner_id"),
                        rs.getString("id"), rs.getDouble("ap_max_capital"), rs.getDouble("ap_max_position_size"),
                        rs.getBoolean("enable_sigma_pilot"), rs.getTimestamp("go_live_date").toInstant(),
                        rs.getTimestamp("approved_at").toInstant()), AccountRows.account(rs, json)))
                .optional();
    }

    @Override
    public AlertFacts facts(String alertId, String publishedId, String accountId, String ticker, Instant dayStart,
                            Instant minuteAgo) {
        // one statement (one snapshot) instead of one per figure; the account row is locked by lockApproved
        return jdbc.sql("""
                        with p as (select p.*, r.recommendation from (select 1) one
                                   left join publication p on p.published_id = :pub
                                   left join paper_recommendation r on r.published_id = :pub),
                             t as (select coalesce((select ticker from p), :ticker) as ticker,
                                          coalesce((select feed from p), 'live') as feed)
                        select exists (select 1 from live_order where alert_id = :alert)
                                 or exists (select 1 from refusal where alert_id = :alert) as seen,
                               p.published_id, p.owner_id, p.model_id, p.ticker, p.feed, p.status, p.recommendation,
                               (select engaged from global_switch where id = 1) as global_kill,
                               (select close from last_close l, t where l.feed = t.feed and l.ticker = t.ticker) as last_close,
                               (select bar_end from last_close l, t where l.feed = t.feed and l.ticker = t.ticker) as last_bar_end,
                               coalesce((select quantity from position s, t where s.account_id = :account and s.ticker = t.ticker), 0) as held,
                               (select count(*) from position where account_id = :account and quantity <> 0) as open_positions,
                               coalesce((select sum(quantity * average_price) from position
                                         where account_id = :account and quantity > 0), 0)
                                 + coalesce((select sum((quantity - filled_quantity) * coalesce(limit_price, reference_price))
                                             from live_order where account_id = :account and side = 'buy'
                                               and state in """ + OPEN_STATES + """
                        ), 0) as capital,
                               (select coalesce(sum(f.realized_pnl), 0) from fill f join live_order o on o.id = f.order_id
                                where o.account_id = :account and f.at >= :day) as realized,
                               (select count(*) from live_order where account_id = :account and created_at > :minute) as recent
                        from p""")
                .param("pub", publishedId).param("ticker", ticker).param("alert", alertId).param("account", accountId)
                .param("day", Timestamp.from(dayStart)).param("minute", Timestamp.from(minuteAgo))
                .query((rs, n) -> {
                    double close = rs.getDouble("last_close");
                    boolean noClose = rs.wasNull();
                    Publication pub = rs.getString("published_id") == null ? null : new Publication(rs.getString("published_id"),
                            rs.getString("owner_id"), rs.getString("model_id"), rs.getString("ticker"), rs.getString("feed"),
                            rs.getString("status"), rs.getString("recommendation"));
                    java.sql.Timestamp barEnd = rs.getTimestamp("last_bar_end");
                    return new AlertFacts(rs.getBoolean("seen"), pub, rs.getBoolean("global_kill"), noClose ? Double.NaN : close,
                            barEnd == null ? null : barEnd.toInstant(), rs.getLong("held"), rs.getInt("open_positions"), rs.getDouble("capital"), rs.getDouble("realized"),
                            rs.getInt("recent"));
                })
                .single();
    }

    @Override
    public List<Refusal> refusals(String accountId) {
        return jdbc.sql("select * from refusal where account_id = ? order by at desc, alert_id").param(accountId)
                .query(refusalRows).list();
    }

    @Override
    public Optional<Refusal> refusal(String alertId) {
        return jdbc.sql("select * from refusal where alert_id = ?").param(alertId).query(refusalRows).optional();
    }

    private static LiveOrder order(ResultSet rs, int row) throws SQLException {
        return new LiveOrder(rs.getString("id"), rs.getString("alert_id"), rs.getString("account_id"), rs.getString("owner_id"),
                rs.getString("published_id"), rs.getString("ticker"), upper(OrderTicket.Side.class, rs.getString("side")),
                rs.getLong("quantity"), upper(OrderTicket.OrderType.class, rs.getString("order_type")), dbl(rs, "limit_price"),
                upper(OrderTicket.TimeInForce.class, rs.getString("time_in_force")), rs.getDouble("reference_price"),
                upper(OrderState.class, rs.getString("state")), rs.getString("broker_order_id"), rs.getLong("filled_quantity"),
                dbl(rs, "average_price"), rs.getDouble("commission"), instant(rs, "last_fill_at"), instant(rs, "created_at"),
                instant(rs, "sent_at"), instant(rs, "updated_at"), instant(rs, "valid_until"));
    }

    private static <E extends Enum<E>> E upper(Class<E> type, String v) {
        return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
