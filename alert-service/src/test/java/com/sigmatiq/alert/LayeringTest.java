package com.sigmatiq.alert;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** alert-service's layers: web → domain ← persistence, messaging, client; no cycles; nothing of other services. */
class LayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.sigmatiq.alert");

    @Test
    void nothingFromOtherServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.sigmatiq.model..", "com.sigmatiq.pack..",
                "com.sigmatiq.marketdata..", "com.sigmatiq.sweep..", "com.sigmatiq.training..", "com.sigmatiq.gateway..", "com.sigmatiq.local..", "com.sigmatiq.testinfra..")
                .check(classes);
    }

    @Test
    void theDomainKnowsNoAdapters() {
        noClasses().that().resideInAPackage("..alert.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..alert.web..", "..alert.persistence..",
                        "..alert.messaging..", "..alert.client..", "..alert.config..", "org.springframework.web..",
                        "org.springframework.jdbc..", "org.springframework.kafka..")
                .check(classes);
    }

    @Test
    void adaptersDoNotReachIntoEachOther() {
        String[] adapters = {"web", "persistence", "messaging", "client"};
        for (String a : adapters) {
            for (String b : adapters) {
                if (!a.equals(b)) {
                    noClasses().that().resideInAPackage("..alert." + a + "..")
                            .should().dependOnClassesThat().resideInAPackage("..alert." + b + "..").check(classes);
                }
            }
        }
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("com.sigmatiq.alert.(*)..").should().beFreeOfCycles().check(classes);
    }
}
