package com.sigmatiq.pack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The packages stay in their roles: domain knows no web, JDBC code or wiring; nothing but web knows web. */
@AnalyzeClasses(packages = "com.sigmatiq.pack", importOptions = ImportOption.DoNotIncludeTests.class)
class PackServiceLayersTest {

    @ArchTest
    static final ArchRule domainIsIndependent = noClasses().that().resideInAPackage("..pack.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..pack.web..", "..pack.persistence..", "..pack.config..",
                    "org.springframework.jdbc..", "org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule persistenceKnowsNoWeb = noClasses().that().resideInAPackage("..pack.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("..pack.web..", "..pack.config..");

    @ArchTest
    static final ArchRule noOtherServiceCode = noClasses().that().resideInAPackage("com.sigmatiq.pack..")
            .should().dependOnClassesThat().resideInAnyPackage("com.sigmatiq.gateway..", "com.sigmatiq.model..");
}
