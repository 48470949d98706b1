package com.sigmatiq.gateway.config;

import com.sigmatiq.gateway.domain.AccountService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Creates the demo account at start when {@code sigmatiq.identity.demo-user.enabled=true}; idempotent. */
@Component
@ConditionalOnBooleanProperty("sigmatiq.identity.demo-user.enabled")
class DemoUserInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUserInitializer.class);

    private final AccountService accounts;
    private final IdentityProperties identity;

    DemoUserInitializer(AccountService accounts, IdentityProperties identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        IdentityProperties.DemoUser demo = identity.demoUser();
        if (accounts.registerIfAbsent(demo.username(), demo.password())) {
            log.info("Created demo user '{}'", demo.username());
        } else {
            log.info("Demo user '{}' already exists", demo.username());
        }
    }
}
