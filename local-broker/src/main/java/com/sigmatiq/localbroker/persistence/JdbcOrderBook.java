package com.sigmatiq.localbroker.persistence;

import com.sigmatiq.localbroker.domain.BrokerOrder;
import com.sigmatiq.localbroker.domain.OrderBook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link OrderBook} on table {@code broker_order}. */
@Repository
class JdbcOrderBook implements OrderBook {

    private static final String COLUMNS = "cl_ord_id, order_id, client_comp_id, account, symbol, side, order_type, quantity,"
            + " limit_price, stop_price, time_in_force, status, filled_quantity, average_price, commission, reject_reason,"
            + " fill_bar, created_at, updated_at";

    private final JdbcClient jdbc;

    JdbcOrderBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(BrokerOrder o) {
        return jdbc.sql("insert into broker_order (" + COLUMNS + ") values (:cl, :oid, :client, :account, :symbol, :side,"
                        + " :type, :qty, :limit, :stop, :tif, :status, :filled, :avg, :commission, :reason, :bar, :created,"
                        + " :updated) on conflict (cl_ord_id) do nothing")
                .param("cl", o.clOrdId()).param("oid", o.orderId()).param("client", o.clientCompId())
                .param("account", o.account()).param("symbol", o.symbol()).param("side", name(o.side()))
                .param("type", name(o.type())).param("qty", o.quantity()).param("limit", o.limitPrice())
                .param("stop", o.stopPrice()).param("tif", o.timeInForce()).param("status", name(o.status()))
                .param("filled", o.filledQuantity()).param("avg", o.averagePrice()).param("commission", o.commission())
                .param("reason", o.rejectReason()).param("bar", o.fillBar())
                .param("created", Timestamp.from(o.createdAt())).param("updated", Timestamp.from(o.updatedAt()))
                .update() == 1;
    }

    @Override
    public void update(BrokerOrder o) {
        jdbc.sql("update broker_order set status = :status, filled_quantity = :filled, average_price = :avg,"
                        + " commission = :commission, fill_bar = :bar, updated_at = :updated where cl_ord_id = :cl")
                .param("status", name(o.status())).param("filled", o.filledQuantity()).param("avg", o.averagePrice())
                .param("commission", o.commission()).param("bar", o.fillBar())
                .param("updated", Timestamp.from(o.updatedAt())).param("cl", o.clOrdId())
                .update();
    }

    @Override
    public Optional<BrokerOrder> find(String clOrdId) {
        return jdbc.sql("select " + COLUMNS + " from broker_order where cl_ord_id = ?").param(clOrdId)
                .query(JdbcOrderBook::row).optional();
    }

    @Override
    public List<BrokerOrder> open() {
        return jdbc.sql("select " + COLUMNS + " from broker_order where status = 'new' order by created_at, order_id")
                .query(JdbcOrderBook::row).list();
    }

    @Override
    public List<BrokerOrder> filled(String clientCompId) {
        return jdbc.sql("select " + COLUMNS + " from broker_order where client_comp_id = ? and status = 'filled'"
                        + " order by updated_at, order_id").param(clientCompId)
                .query(JdbcOrderBook::row).list();
    }

    @Override
    public long nextOrderNumber() {
        return jdbc.sql("select nextval('broker_order_number')").query(Long.class).single();
    }

    private static BrokerOrder row(ResultSet rs, int n) throws SQLException {
        return new BrokerOrder(rs.getString("cl_ord_id"), rs.getString("order_id"), rs.getString("client_comp_id"),
                rs.getString("account"), rs.getString("symbol"), BrokerOrder.Side.valueOf(upper(rs.getString("side"))),
                BrokerOrder.OrderType.valueOf(upper(rs.getString("order_type"))), rs.getLong("quantity"),
                (Double) rs.getObject("limit_price"), (Double) rs.getObject("stop_price"), rs.getString("time_in_force"),
                BrokerOrder.Status.valueOf(upper(rs.getString("status"))), rs.getLong("filled_quantity"),
                rs.getDouble("average_price"), rs.getDouble("commission"), rs.getString("reject_reason"),
                rs.getString("fill_bar"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
