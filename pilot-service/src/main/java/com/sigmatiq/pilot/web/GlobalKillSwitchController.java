package com.sigmatiq.pilot.web;

import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.pilot.domain.Accounts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operators' global kill switch: engaged, no order of any account leaves (role {@code operator}). */
@RestController
@RequestMapping("/pilot/kill-switch")
class GlobalKillSwitchController {

    private final Accounts accounts;

    GlobalKillSwitchController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    Views.KillSwitch get() {
        return new Views.KillSwitch(accounts.globalKillSwitch());
    }

    @PostMapping
    Views.KillSwitch set(CurrentUser user, @RequestBody Views.KillSwitchRequest body) {
        accounts.globalKillSwitch(user.id(), body.value());
        return new Views.KillSwitch(accounts.globalKillSwitch());
    }
}
