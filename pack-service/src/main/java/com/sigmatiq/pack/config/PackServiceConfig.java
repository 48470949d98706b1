package com.sigmatiq.pack.config;

import com.sigmatiq.pack.domain.BundledPackImporter;
import com.sigmatiq.pack.domain.PackCatalogue;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service wiring: the bundled packs loaded before the service reports ready (the clock is the service kit's). */
@Configuration(proxyBeanMethods = false)
class PackServiceConfig {

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
