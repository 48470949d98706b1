package com.sigmatiq.pilot.web;

import com.sigmatiq.pilot.domain.Connection;
import com.sigmatiq.pilot.domain.Limits;
import com.sigmatiq.pilot.domain.LiveAccount;
import java.time.Instant;
import java.util.List;

/** The API's answers (snake_case JSON). Credentials never appear: only whether some are set. */
final class Views {

    private Views() {
    }

    record AccountView(String id, String broker, String accountId, Connection connection, Limits limits,
                       boolean killSwitch, boolean globalKillSwitch, String connectionState, boolean credentialsSet,
                       Instant createdAt) {

        static AccountView of(LiveAccount a, boolean global) {
            return new AccountView(a.id(), a.broker().apiName(), a.accountId(), a.connection(), a.limits(), a.killSwitch(),
                    global, a.connectionState(), a.credentialsSet(), a.createdAt());
        }
    }

    record AccountList(List<AccountView> accounts) {
    }

    /** A kill switch's state. */
    record KillSwitch(boolean engaged) {
    }
}
