package com.sigmatiq.localbroker;

import com.sigmatiq.localbroker.domain.LocalBrokerProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import java.time.Clock;

/** The local broker: FIX 4.4 in, fills against the feeds' bars out. No HTTP server. */
@SpringBootApplication
@EnableConfigurationProperties(LocalBrokerProperties.class)
public class LocalBrokerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocalBrokerApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
