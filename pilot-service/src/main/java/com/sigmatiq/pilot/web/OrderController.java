package com.sigmatiq.pilot.web;

import com.sigmatiq.kit.web.problem.NotFoundException;
import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.pilot.domain.Accounts;
import com.sigmatiq.pilot.domain.LiveAccount;
import com.sigmatiq.pilot.domain.LiveOrder;
import com.sigmatiq.pilot.domain.LiveTrading;
import com.sigmatiq.pilot.domain.OrderStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's live orders in seed 8.2's shape (another user's are 404, as if absent), and their cancellation. */
@RestController
@RequestMapping("/pilot/orders")
class OrderController {

    private final Accounts accounts;
    private final OrderStore orders;
    private final LiveTrading trading;

    OrderController(Accounts accounts, OrderStore orders, LiveTrading trading) {
        this.accounts = accounts;
        this.orders = orders;
        this.trading = trading;
    }

    /** The orders of one of the caller's accounts, or of all of them, newest first. */
    @GetMapping
    Views.OrderList list(CurrentUser user, @RequestParam(name = "account_id", required = false) String accountId) {
        List<LiveAccount> of = accountId == null || accountId.isBlank() ? accounts.list(user.id())
                : List.of(accounts.owned(user.id(), accountId));
        List<Views.OrderView> out = new ArrayList<>();
        for (LiveAccount a : of) {
            for (LiveOrder o : orders.orders(a.id())) {
                out.add(Views.OrderView.of(o, a.broker().apiName(), a.accountId(), orders.history(o.id())));
            }
        }
        out.sort((x, y) -> y.createdAt().compareTo(x.createdAt()));
        return new Views.OrderList(out);
    }

    @GetMapping("/{id}")
    Views.OrderView get(CurrentUser user, @PathVariable String id) {
        return view(owned(user, id));
    }

    /** Asks the broker to cancel the order; its state changes when the broker confirms. */
    @PostMapping("/{id}/cancel")
    Views.OrderView cancel(CurrentUser user, @PathVariable String id) {
        return view(trading.cancel(user.id(), owned(user, id).id()));
    }

    private LiveOrder owned(CurrentUser user, String id) {
        return orders.order(id).filter(o -> o.ownerId().equals(user.id()))
                .orElseThrow(() -> new NotFoundException("Not found", "you have no live order '" + id + "'"));
    }

    private Views.OrderView view(LiveOrder o) {
        LiveAccount a = accounts.owned(o.ownerId(), o.accountId());
        return Views.OrderView.of(o, a.broker().apiName(), a.accountId(), orders.history(o.id()));
    }
}
