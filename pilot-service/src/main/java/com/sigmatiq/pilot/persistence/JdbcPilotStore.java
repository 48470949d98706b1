package com.sigmatiq.pilot.persistence;

import com.sigmatiq.pilot.domain.Limits;
import com.sigmatiq.pilot.domain.LiveAccount;
import com.sigmatiq.pilot.domain.PilotStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@link PilotStore} on the {@code pilot} schema. */
@Repository
class JdbcPilotStore implements PilotStore {

    private static final String ACCOUNT_COLUMNS = AccountRows.COLUMNS;

    private final RowMapper<LiveAccount> accountRows = this::account;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    JdbcPilotStore(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public Optional<LiveAccount> insertAccount(LiveAccount a, byte[] sealedCredentials) {
        Limits l = a.limits();
        int rows = jdbc.sql("""
                        insert into account (id, owner_id, broker, broker_account, connection, credentials, max_capital,
                          max_position_size, max_open_positions, daily_loss_limit, max_orders_per_minute, price_band_pct,
                          kill_switch, connection_state, created_at)
                        values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (owner_id, broker, broker_account) do nothing""")
                .params(a.id(), a.ownerId(), a.broker().apiName(), a.accountId(), json.writeValueAsString(a.connection()),
                        sealedCredentials, l.maxCapital(), l.maxPositionSize(), l.maxOpenPositions(), l.dailyLossLimit(),
                        l.maxOrdersPerMinute(), l.priceBandPct(), a.killSwitch(), a.connectionState(),
                        Timestamp.from(a.createdAt()))
                .update();
        return rows == 0 ? Optional.empty() : account(a.id());
    }

    @Override
    public Optional<LiveAccount> account(String id) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from account a where id = ?").param(id).query(accountRows).optional();
    }

    @Override
    public List<LiveAccount> accounts(String ownerId) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from account a where owner_id = ? order by created_at desc, id")
                .param(ownerId).query(accountRows).list();
    }

    @Override
    public byte[] sealedCredentials(String accountId) {
        return jdbc.sql("select credentials from account where id = ?").param(accountId)
                .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
    }

    @Override
    public void setKillSwitch(String accountId, boolean engaged, String changedBy, Instant at) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("update account set kill_switch = ? where id = ?").params(engaged, accountId).update();
            jdbc.sql("insert into kill_switch_event (account_id, engaged, changed_by, changed_at) values (?, ?, ?, ?)")
                    .params(accountId, engaged, changedBy, Timestamp.from(at)).update();
        });
    }

    @Override
    public void setConnectionState(String accountId, String state) {
        jdbc.sql("update account set connection_state = ? where id = ?").params(state, accountId).update();
    }

    @Override
    public boolean globalKillSwitch() {
        return jdbc.sql("select engaged from global_switch where id = 1").query(Boolean.class).single();
    }

    @Override
    public void setGlobalKillSwitch(boolean engaged, String changedBy, Instant at) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("update global_switch set engaged = ?, changed_by = ?, changed_at = ? where id = 1")
                    .params(engaged, changedBy, Timestamp.from(at)).update();
            jdbc.sql("insert into kill_switch_event (account_id, engaged, changed_by, changed_at) values (null, ?, ?, ?)")
                    .params(engaged, changedBy, Timestamp.from(at)).update();
        });
    }

    private LiveAccount account(ResultSet rs, int row) throws SQLException {
        return AccountRows.account(rs, json);
    }
}
