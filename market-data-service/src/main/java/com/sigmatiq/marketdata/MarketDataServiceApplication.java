package com.sigmatiq.marketdata;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** market-data-service: bars in (imports), bars out (range queries, bulk streams, resampling), and the bar feed. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MarketDataServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarketDataServiceApplication.class, args);
    }
}
