package com.sigmatiq.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** model-service's layers: web → domain ← persistence, messaging, client; no cycles; the domain knows no web, SQL or Kafka. */
class LayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.sigmatiq.model");

    @Test
    void nothingFromOtherServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.sigmatiq.pack..", "com.sigmatiq.gateway..",
                "com.sigmatiq.local..", "com.sigmatiq.testinfra..").check(classes);
    }

    @Test
    void theDomainKnowsNoAdapters() {
        noClasses().that().resideInAPackage("..model.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..model.web..", "..model.persistence..", "..model.messaging..",
                        "..model.client..", "..model.config..", "org.springframework.web..", "org.springframework.jdbc..", "org.springframework.kafka..",
                        "org.springframework.modulith..", "com.sigmatiq.contracts..", "tools.jackson..")
                .check(classes);
    }

    @Test
    void adaptersDoNotReachIntoEachOther() {
        String[] adapters = {"web", "persistence", "messaging", "client"};
        for (String a : adapters) {
            for (String b : adapters) {
                if (!a.equals(b)) {
                    noClasses().that().resideInAPackage("..model." + a + "..")
                            .should().dependOnClassesThat().resideInAPackage("..model." + b + "..").check(classes);
                }
            }
        }
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("com.sigmatiq.model.(*)..").should().beFreeOfCycles().check(classes);
    }
}
