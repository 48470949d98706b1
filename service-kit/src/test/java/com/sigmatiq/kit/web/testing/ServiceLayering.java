package com.sigmatiq.kit.web.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The layer rules every service built the kit's way keeps (docs/services.md): {@code web} → {@code domain} ←
 * {@code persistence}, {@code messaging}, {@code client}; the domain knows no adapter and no web, JDBC or Kafka API;
 * adapters do not reach into each other; no package cycles; nothing of another service. A service's
 * {@code LayeringTest} calls {@link #check(String)} with its package name.
 */
public final class ServiceLayering {

    /** The platform's service packages under {@code com.sigmatiq} (and what no service may use). */
    public static final List<String> SERVICES = List.of("model", "pack", "marketdata", "sweep", "training", "alert", "sim", "pilot",
            "gateway", "local", "testinfra");

    private static final String[] ADAPTERS = {"web", "persistence", "messaging", "client"};

    private ServiceLayering() {
    }

    /** Checks the rules on the main classes of {@code com.sigmatiq.<service>}. */
    public static void check(String service) {
        String base = "com.sigmatiq." + service;
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "com.sigmatiq." + s + "..")
                .toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
        noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".web..", base + ".persistence..",
                        base + ".messaging..", base + ".client..", base + ".config..", "org.springframework.web..",
                        "org.springframework.jdbc..", "org.springframework.kafka..")
                .check(classes);
        for (String a : ADAPTERS) {
            for (String b : ADAPTERS) {
                if (!a.equals(b)) {
                    noClasses().that().resideInAPackage(base + "." + a + "..")
                            .should().dependOnClassesThat().resideInAPackage(base + "." + b + "..").allowEmptyShould(true)
                            .check(classes);
                }
            }
        }
        slices().matching(base + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
