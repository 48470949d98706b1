package com.sigmatiq.sim.web;

import com.sigmatiq.kit.web.problem.NotFoundException;
import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.sim.domain.Account;
import com.sigmatiq.sim.domain.PaperTrading;
import com.sigmatiq.sim.domain.PerformanceReport;
import com.sigmatiq.sim.domain.SimStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's paper accounts (another user's are 404, as if absent). */
@RestController
@RequestMapping("/sim/accounts")
class AccountController {

    private final SimStore store;
    private final PaperTrading paper;
    private final AccountStreams streams;

    AccountController(SimStore store, PaperTrading paper, AccountStreams streams) {
        this.store = store;
        this.paper = paper;
        this.streams = streams;
    }

    /** The caller's accounts, newest first; only the one of {@code published_model_id} when given. */
    @GetMapping
    Views.AccountList accounts(CurrentUser user, @RequestParam(name = "published_model_id", required = false) String published) {
        return new Views.AccountList(store.accounts(user.id(), published == null || published.isBlank() ? null : published)
                .stream().map(a -> paper.read(a, book -> Views.AccountView.of(a, book))).toList());
    }

    /** Equity, cash, the open position marked to the last close, a pending order. */
    @GetMapping("/{id}")
    Views.AccountView account(CurrentUser user, @PathVariable String id) {
        Account a = owned(user, id);
        return paper.read(a, book -> Views.AccountView.of(a, book));
    }

    /** Every fill in the seed's 7.3 shape, the closed round trips, and what became of each alert. */
    @GetMapping("/{id}/trades")
    Views.TradeList trades(CurrentUser user, @PathVariable String id) {
        Account a = owned(user, id);
        return paper.read(a, book -> Views.TradeList.of(a, book));
    }

    /** The daily equity curve. */
    @GetMapping("/{id}/equity")
    Views.EquityCurve equity(CurrentUser user, @PathVariable String id) {
        Account a = owned(user, id);
        return paper.read(a, book -> Views.EquityCurve.of(a, book));
    }

    /** The seed's 7.4 shape: results, comparison with the backtest, recommendation with its checks, reconciliation. */
    @GetMapping("/{id}/performance")
    PerformanceReport performance(CurrentUser user, @PathVariable String id) {
        return paper.performance(owned(user, id));
    }

    /** Server-sent events: {@code fill}, {@code mark} and {@code completed}, as they happen. */
    @GetMapping(path = "/{id}/events", produces = "text/event-stream")
    SseEmitter events(CurrentUser user, @PathVariable String id) {
        Account a = owned(user, id);
        return streams.open(user.id(), a.id());
    }

    private Account owned(CurrentUser user, String id) {
        return store.account(id).filter(a -> a.ownerId().equals(user.id()))
                .orElseThrow(() -> new NotFoundException("Not found", "you have no paper account '" + id + "'"));
    }
}
