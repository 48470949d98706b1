package com.sigmatiq.marketdata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * market-data-service's layers: web → domain (with the application services in feed and importing) ← persistence,
 * messaging; the domain knows no adapter; no package cycles; nothing of other services.
 */
class LayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.sigmatiq.marketdata");

    @Test
    void nothingFromOtherServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.sigmatiq.model..", "com.sigmatiq.pack..",
                "com.sigmatiq.sweep..", "com.sigmatiq.gateway..", "com.sigmatiq.local..", "com.sigmatiq.testinfra..")
                .check(classes);
    }

    @Test
    void theDomainKnowsNoAdapters() {
        noClasses().that().resideInAPackage("..marketdata.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..marketdata.web..", "..marketdata.persistence..",
                        "..marketdata.messaging..", "..marketdata.feed..", "..marketdata.importing..", "..marketdata.config..",
                        "org.springframework.web..", "org.springframework.jdbc..", "org.springframework.kafka..", "java.sql..")
                .check(classes);
    }

    @Test
    void controllersDoNotReachIntoPersistenceOrMessaging() {
        noClasses().that().resideInAPackage("..marketdata.web..")
                .should().dependOnClassesThat().resideInAnyPackage("..marketdata.persistence..", "..marketdata.messaging..")
                .check(classes);
    }

    @Test
    void persistenceAndMessagingServeTheDomainOnly() {
        noClasses().that().resideInAnyPackage("..marketdata.persistence..", "..marketdata.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("..marketdata.web..", "..marketdata.feed..",
                        "..marketdata.importing..")
                .check(classes);
        noClasses().that().resideInAPackage("..marketdata.persistence..")
                .should().dependOnClassesThat().resideInAPackage("..marketdata.messaging..").check(classes);
        noClasses().that().resideInAPackage("..marketdata.messaging..")
                .should().dependOnClassesThat().resideInAPackage("..marketdata.persistence..").check(classes);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("com.sigmatiq.marketdata.(*)..").should().beFreeOfCycles().check(classes);
    }
}
