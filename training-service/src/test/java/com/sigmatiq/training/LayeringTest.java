package com.sigmatiq.training;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** training-service's layers: web → domain ← persistence, messaging, client; no cycles; nothing of other services. */
class LayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.sigmatiq.training");

    @Test
    void nothingFromOtherServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.sigmatiq.model..", "com.sigmatiq.pack..",
                "com.sigmatiq.marketdata..", "com.sigmatiq.sweep..", "com.sigmatiq.gateway..", "com.sigmatiq.local..", "com.sigmatiq.testinfra..")
                .check(classes);
    }

    @Test
    void theDomainKnowsNoAdapters() {
        noClasses().that().resideInAPackage("..training.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..training.web..", "..training.persistence..",
                        "..training.messaging..", "..training.client..", "..training.config..", "org.springframework.web..",
                        "org.springframework.jdbc..", "org.springframework.kafka..")
                .check(classes);
    }

    @Test
    void adaptersDoNotReachIntoEachOther() {
        String[] adapters = {"web", "persistence", "messaging", "client"};
        for (String a : adapters) {
            for (String b : adapters) {
                if (!a.equals(b)) {
                    noClasses().that().resideInAPackage("..training." + a + "..")
                            .should().dependOnClassesThat().resideInAPackage("..training." + b + "..").check(classes);
                }
            }
        }
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("com.sigmatiq.training.(*)..").should().beFreeOfCycles().check(classes);
    }
}
