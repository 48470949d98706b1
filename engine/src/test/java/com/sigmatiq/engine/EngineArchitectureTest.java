package com.sigmatiq.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's layers, kept by test: no framework or infrastructure, no cycles, lower layers blind to upper ones. */
class EngineArchitectureTest {

    static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.sigmatiq.engine");
    }

    @Test
    void engineUsesNoFrameworkOrInfrastructure() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                "javax.sql..", "org.apache.kafka..", "jakarta..").check(engine);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("com.sigmatiq.engine.(*)..").should().beFreeOfCycles().check(engine);
    }

    @Test
    void kernelsKnowNothingOfPacksStrategiesOrSignals() {
        noClasses().that().resideInAnyPackage("..engine.data..", "..engine.indicator..", "..engine.expr..",
                        "..engine.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.pack..", "..engine.strategy..",
                        "..engine.signal..", "..engine.backtest..", "..engine.gate..")
                .check(engine);
    }
}
