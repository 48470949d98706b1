package com.sigmatiq.pilot.web;

import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.pilot.domain.Accounts;
import com.sigmatiq.pilot.domain.LiveTrading;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' global kill switch: engaged, no order of any account leaves and every open order is asked to be
 * cancelled at its broker (role {@code operator}).
 */
@RestController
@RequestMapping("/pilot/kill-switch")
class GlobalKillSwitchController {

    private final Accounts accounts;
    private final LiveTrading trading;

    GlobalKillSwitchController(Accounts accounts, LiveTrading trading) {
        this.accounts = accounts;
        this.trading = trading;
    }

    @GetMapping
    Views.KillSwitch get() {
        return new Views.KillSwitch(accounts.globalKillSwitch());
    }

    @PostMapping
    Views.KillSwitch set(CurrentUser user, @RequestBody Views.KillSwitchRequest body) {
        accounts.globalKillSwitch(user.id(), body.value());
        if (body.value()) {
            trading.cancelOpenOrders(null); // every account's open orders at their brokers
        }
        return new Views.KillSwitch(accounts.globalKillSwitch());
    }
}
