package com.sigmatiq.pilot.persistence;

import com.sigmatiq.pilot.domain.Broker;
import com.sigmatiq.pilot.domain.Connection;
import com.sigmatiq.pilot.domain.Limits;
import com.sigmatiq.pilot.domain.LiveAccount;
import java.sql.ResultSet;
import java.sql.SQLException;
import tools.jackson.databind.json.JsonMapper;

/** The columns of an {@code account} row (table alias {@code a}) and their mapping, shared by the stores. */
final class AccountRows {

    static final String COLUMNS = "a.id, a.owner_id, a.broker, a.broker_account, a.connection, a.max_capital, "
            + "a.max_position_size, a.max_open_positions, a.daily_loss_limit, a.max_orders_per_minute, a.price_band_pct, "
            + "a.kill_switch, a.connection_state, a.credentials is not null as credentials_set, a.created_at";

    private AccountRows() {
    }

    static LiveAccount account(ResultSet rs, JsonMapper json) throws SQLException {
        return new LiveAccount(rs.getString("id"), rs.getString("owner_id"), Broker.of(rs.getString("broker")).orElseThrow(),
                rs.getString("broker_account"), json.readValue(rs.getString("connection"), Connection.class),
                new Limits(rs.getDouble("max_capital"), rs.getDouble("max_position_size"), rs.getInt("max_open_positions"),
                        rs.getDouble("daily_loss_limit"), rs.getInt("max_orders_per_minute"), rs.getDouble("price_band_pct")),
                rs.getBoolean("kill_switch"), rs.getString("connection_state"), rs.getBoolean("credentials_set"),
                rs.getTimestamp("created_at").toInstant());
    }
}
