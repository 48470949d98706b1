package com.sigmatiq.gateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import com.sigmatiq.gateway.domain.UserAccount;
import com.sigmatiq.gateway.domain.UserStore;
import com.sigmatiq.gateway.domain.UsernameTakenException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code identity.users} through {@link JdbcClient}. */
@Repository
class JdbcUserStore implements UserStore {

    private final JdbcClient jdbc;

    JdbcUserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(UserAccount account) {
        try {
            jdbc.sql("""
                    INSERT INTO users (id, username, password_hash, created_at)
                    VALUES (:id, :username, :passwordHash, :createdAt)""")
                    .param("id", account.id())
                    .param("username", account.username())
                    .param("passwordHash", account.passwordHash())
                    .param("createdAt", Timestamp.from(account.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new UsernameTakenException(account.username());
        }
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT id, username, password_hash, created_at FROM users WHERE username = :username")
                .param("username", username)
                .query(JdbcUserStore::map)
                .optional();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getObject("id", java.util.UUID.class), rs.getString("username"),
                rs.getString("password_hash"), rs.getTimestamp("created_at").toInstant());
    }
}
