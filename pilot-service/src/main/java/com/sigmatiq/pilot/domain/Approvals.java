package com.sigmatiq.pilot.domain;

import com.sigmatiq.kit.web.problem.ConflictException;
import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed 8.1 approvals: refused, with every reason, unless the caller's published model was recommended
 * {@code APPROVE_FOR_LIVE_TRADING} by its paper period, {@code user_approval} is true and the account is the caller's.
 * A stored approval is announced ({@code pilot.live_trading_approved}) in its transaction; model-service makes the
 * publication {@code live} from its go-live date, and alert-service then routes its alerts here.
 */
@Service
public class Approvals {

    private final OrderStore orders;
    private final PilotStore accounts;
    private final BrokerConnections connections;
    private final ApprovalEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Approvals(OrderStore orders, PilotStore accounts, BrokerConnections connections, ApprovalEvents events,
                     PlatformTransactionManager transactions, Clock clock) {
        this.orders = orders;
        this.accounts = accounts;
        this.connections = connections;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Seed 8.1's {@code live_trading_approval}, as written (absent = null). */
    public record Request(String modelId, Boolean paperTradingComplete, Boolean paperPerformanceAcceptable,
                          Boolean userApproval, LiveSettings liveSettings, Instant goLiveDate) {

        /** Seed 8.1's {@code live_settings}: dollars for both caps. */
        public record LiveSettings(String broker, String accountId, Double maxCapital, Double maxPositionSize,
                                   Boolean enableSigmaPilot) {
        }
    }

    public Approval approve(String ownerId, Request r) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Publication> pub = r.modelId() == null ? Optional.empty()
                : orders.publication(r.modelId()).filter(p -> p.ownerId().equals(ownerId));
        if (pub.isEmpty()) {
            errors.add(FieldError.of("model_id", "is not a published model of yours"));
        } else if (!Publication.APPROVE.equals(pub.get().recommendation())) {
            errors.add(FieldError.of("model_id", "its paper trading recommended " + (pub.get().recommendation() == null
                    ? "nothing yet" : pub.get().recommendation()) + ", not " + Publication.APPROVE));
        }
        if (!Boolean.TRUE.equals(r.userApproval())) {
            errors.add(FieldError.of("user_approval", "must be true"));
        }
        if (Boolean.FALSE.equals(r.paperTradingComplete())) {
            errors.add(FieldError.of("paper_trading_complete", "must be true"));
        }
        if (Boolean.FALSE.equals(r.paperPerformanceAcceptable())) {
            errors.add(FieldError.of("paper_performance_acceptable", "must be true"));
        }
        if (r.goLiveDate() == null) {
            errors.add(FieldError.of("go_live_date", "is required"));
        }
        LiveAccount account = null;
        Request.LiveSettings s = r.liveSettings();
        if (s == null) {
            errors.add(FieldError.of("live_settings", "is required"));
        } else {
            Optional<Broker> broker = s.broker() == null ? Optional.empty() : Broker.of(s.broker());
            if (broker.isEmpty()) {
                errors.add(new FieldError("live_settings.broker", "is not a broker Sigma Pilot speaks", Broker.apiNames()));
            } else {
                account = accounts.accounts(ownerId).stream()
                        .filter(a -> a.broker() == broker.get() && a.accountId().equals(s.accountId())).findFirst().orElse(null);
                if (account == null) {
                    errors.add(FieldError.of("live_settings.account_id", "is not one of your " + s.broker() + " accounts"));
                }
            }
            if (s.maxCapital() == null || !(s.maxCapital() > 0) || s.maxCapital() > Limits.MAX_DOLLARS) {
                errors.add(FieldError.of("live_settings.max_capital", "must be a positive number of dollars, at most 1e15"));
            }
            if (s.maxPositionSize() == null || !(s.maxPositionSize() > 0) || s.maxPositionSize() > Limits.MAX_DOLLARS) {
                errors.add(FieldError.of("live_settings.max_position_size", "must be a positive number of dollars, at most 1e15"));
            }
            if (!Boolean.TRUE.equals(s.enableSigmaPilot())) {
                errors.add(FieldError.of("live_settings.enable_sigma_pilot", "must be true to trade live"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("Approval refused", errors);
        }
        Approval a = new Approval(r.modelId(), ownerId, account.id(), s.maxCapital(), s.maxPositionSize(), true,
                r.goLiveDate(), clock.instant());
        boolean stored = Boolean.TRUE.equals(tx.execute(st -> {
            if (!orders.insertApproval(a)) {
                return false;
            }
            events.approved(a);
            return true;
        }));
        if (!stored) {
            throw new ConflictException("Already approved", "published model '" + r.modelId() + "' is approved already");
        }
        connections.ensureOpen(account.id());
        return a;
    }
}
