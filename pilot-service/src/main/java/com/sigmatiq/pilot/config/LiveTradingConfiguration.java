package com.sigmatiq.pilot.config;

import com.sigmatiq.pilot.domain.Accounts;
import com.sigmatiq.pilot.domain.BrokerAdapterFactory;
import com.sigmatiq.pilot.domain.BrokerConnections;
import com.sigmatiq.pilot.domain.LiveTrading;
import com.sigmatiq.pilot.domain.OrderStore;
import com.sigmatiq.pilot.domain.OrderUpdates;
import com.sigmatiq.pilot.domain.PilotProperties;
import com.sigmatiq.pilot.domain.PilotStore;
import com.sigmatiq.pilot.domain.ReconciliationStore;
import com.sigmatiq.pilot.domain.Reconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Live trading: one broker connection per account, the order flow that uses them. */
@Configuration(proxyBeanMethods = false)
public class LiveTradingConfiguration {

    /** alert-service's topic of live alerts, made here too so that this listener never waits for it. */
    @Bean
    org.apache.kafka.clients.admin.NewTopic alertsLiveTopic() {
        return org.springframework.kafka.config.TopicBuilder.name("alerts.live").partitions(3).replicas(1).build();
    }

    @Bean(destroyMethod = "close")
    BrokerConnections brokerConnections(List<BrokerAdapterFactory> factories, PilotStore store, Accounts accounts) {
        return new BrokerConnections(factories, store, accounts);
    }

    @Bean
    LiveTrading liveTrading(PilotStore accounts, OrderStore orders, BrokerConnections connections, OrderUpdates updates,
                            PlatformTransactionManager transactions, Clock clock, PilotProperties p) {
        return new LiveTrading(accounts, orders, connections, updates, new TransactionTemplate(transactions), clock,
                p.connectWait(), p.lookupWait(), p.haltAt());
    }

    @Bean
    Reconciler reconciler(PilotStore accounts, OrderStore orders, BrokerConnections connections, LiveTrading trading,
                          ReconciliationStore reports, Clock clock, PilotProperties p) {
        return new Reconciler(accounts, orders, connections, trading, reports, clock, p.lookupWait());
    }

    /** At start: the connections of approved accounts open, and every unconfirmed order is looked up; then every round. */
    @Bean
    OrderResumer orderResumer(LiveTrading trading, OrderStore orders, BrokerConnections connections, Reconciler reconciler,
                              PilotProperties p) {
        return new OrderResumer(trading, orders, connections, reconciler, p.resumeGrace());
    }

    /**
     * Runs {@link LiveTrading#resume(Duration)} at start (any age) and periodically (older than the grace, then the
     * cancels of orders under an engaged kill switch), each time followed by a reconciliation of the open connections.
     */
    public static final class OrderResumer {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrderResumer.class);

        private final LiveTrading trading;
        private final OrderStore orders;
        private final BrokerConnections connections;
        private final Reconciler reconciler;
        private final Duration grace;

        OrderResumer(LiveTrading trading, OrderStore orders, BrokerConnections connections, Reconciler reconciler,
                     Duration grace) {
            this.trading = trading;
            this.orders = orders;
            this.connections = connections;
            this.reconciler = reconciler;
            this.grace = grace;
        }

        @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
        public void atStart() {
            List<String> approved = orders.approvedAccounts();
            approved.forEach(connections::ensureOpen);
            trading.resume(Duration.ZERO);
            reconciler.reconcileOpen();
            log.info("start-up round done: {} approved accounts, unconfirmed orders looked up, open connections reconciled",
                    approved.size());
        }

        @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${sigmatiq.pilot.resume-interval:60s}",
                initialDelayString = "${sigmatiq.pilot.resume-interval:60s}")
        public void periodically() {
            trading.resume(grace);
            trading.cancelUnderKillSwitches();
            reconciler.reconcileOpen();
        }
    }
}
