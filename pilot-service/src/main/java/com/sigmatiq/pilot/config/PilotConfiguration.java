package com.sigmatiq.pilot.config;

import com.sigmatiq.pilot.domain.CredentialSealer;
import com.sigmatiq.pilot.domain.PilotProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The credential sealer, keyed from the configuration; the development key is refused in profile 'prod'. */
@Configuration(proxyBeanMethods = false)
public class PilotConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PilotConfiguration.class);

    @Bean
    CredentialSealer credentialSealer(PilotProperties p, Environment environment) {
        if (p.usesDevSecretKey()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("sigmatiq.pilot.secret-key is the development default;"
                        + " set SIGMATIQ_PILOT_SECRET_KEY for profile 'prod'");
            }
            log.warn("sigmatiq.pilot.secret-key is the DEVELOPMENT DEFAULT: broker credentials are encrypted with a"
                    + " publicly known key. Set SIGMATIQ_PILOT_SECRET_KEY for any shared deployment.");
        }
        return new CredentialSealer(p.secretKey());
    }
}
