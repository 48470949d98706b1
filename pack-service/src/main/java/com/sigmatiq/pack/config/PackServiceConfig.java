package com.sigmatiq.pack.config;

import com.sigmatiq.pack.domain.BundledPackImporter;
import com.sigmatiq.pack.domain.PackCatalogue;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service wiring: the clock, and the bundled packs loaded before the service reports ready. */
@Configuration(proxyBeanMethods = false)
class PackServiceConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BundledPackImporter bundledPackImporter(PackCatalogue catalogue, PacksProperties properties) {
        return new BundledPackImporter(catalogue, properties.dir());
    }

    /** Runners finish before readiness turns to ACCEPTING_TRAFFIC, so a ready service has its bundled packs. */
    @Bean
    ApplicationRunner loadBundledPacks(BundledPackImporter importer) {
        return args -> importer.importAll();
    }
}
