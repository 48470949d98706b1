package com.sigmatiq.pilot.web;

import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.pilot.domain.Accounts;
import com.sigmatiq.pilot.domain.LiveAccount;
import com.sigmatiq.pilot.domain.LiveTrading;
import com.sigmatiq.pilot.domain.NewAccount;
import com.sigmatiq.pilot.domain.OrderStore;
import com.sigmatiq.pilot.domain.ReconciliationReport;
import com.sigmatiq.pilot.domain.ReconciliationStore;
import com.sigmatiq.kit.web.problem.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's live accounts (another user's are 404, as if absent); credentials are write-only. */
@RestController
@RequestMapping("/pilot/accounts")
class AccountController {

    private final Accounts accounts;
    private final OrderStore orders;
    private final OrderStreams streams;
    private final ReconciliationStore reconciliations;
    private final LiveTrading trading;

    AccountController(Accounts accounts, OrderStore orders, OrderStreams streams, ReconciliationStore reconciliations,
                      LiveTrading trading) {
        this.accounts = accounts;
        this.trading = trading;
        this.orders = orders;
        this.streams = streams;
        this.reconciliations = reconciliations;
    }

    /** Opens a live account: broker, account id, connection settings, credentials (sealed at rest) and limits. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Views.AccountView open(CurrentUser user, @RequestBody NewAccount body) {
        return view(accounts.open(user.id(), body));
    }

    /** The caller's accounts, newest first. */
    @GetMapping
    Views.AccountList list(CurrentUser user) {
        boolean global = accounts.globalKillSwitch();
        return new Views.AccountList(accounts.list(user.id()).stream().map(a -> Views.AccountView.of(a, global, orders.positions(a.id()))).toList());
    }

    @GetMapping("/{id}")
    Views.AccountView get(CurrentUser user, @PathVariable String id) {
        return view(accounts.owned(user.id(), id));
    }

    /**
     * {@code {"engaged": true}} stops every order of the account before it leaves and asks the broker to cancel the
     * account's open orders; {@code false} releases it.
     */
    @PostMapping("/{id}/kill-switch")
    Views.AccountView killSwitch(CurrentUser user, @PathVariable String id, @RequestBody Views.KillSwitchRequest body) {
        LiveAccount a = accounts.killSwitch(user.id(), id, body.value());
        if (a.killSwitch()) {
            trading.cancelOpenOrders(a.id());
        }
        return view(a);
    }

    /** Alerts of the account refused before anything left, newest first, each with its check and reason. */
    @GetMapping("/{id}/refusals")
    Views.RefusalList refusals(CurrentUser user, @PathVariable String id) {
        return new Views.RefusalList(orders.refusals(accounts.owned(user.id(), id).id()));
    }

    /** The last reconciliation with the broker (at start and every minute): every difference found; 404 before the first. */
    @GetMapping("/{id}/reconciliation")
    ReconciliationReport reconciliation(CurrentUser user, @PathVariable String id) {
        return reconciliations.last(accounts.owned(user.id(), id).id()).orElseThrow(() -> new NotFoundException("Not found",
                "account '" + id + "' has not been reconciled yet"));
    }

    /** Server-sent events: {@code order}, {@code fill}, {@code refusal}, {@code connection}, as they happen. */
    @GetMapping(path = "/{id}/events", produces = "text/event-stream")
    SseEmitter events(CurrentUser user, @PathVariable String id) {
        return streams.open(accounts.owned(user.id(), id).id());
    }

    private Views.AccountView view(LiveAccount a) {
        return Views.AccountView.of(a, accounts.globalKillSwitch(), orders.positions(a.id()));
    }
}
