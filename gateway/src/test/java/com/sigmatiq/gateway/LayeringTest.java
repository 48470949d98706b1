package com.sigmatiq.gateway;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The gateway's packages stay in layers: web on top (reads typed properties from config), config
 * wires domain and persistence, persistence implements the domain's ports, domain depends on none of them.
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.sigmatiq.gateway");

    @Test
    void layersAreRespected() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy("com.sigmatiq.gateway.web..")
                .layer("config").definedBy("com.sigmatiq.gateway.config..")
                .layer("domain").definedBy("com.sigmatiq.gateway.domain..")
                .layer("persistence").definedBy("com.sigmatiq.gateway.persistence..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("config").mayOnlyBeAccessedByLayers("web")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("web", "config", "persistence")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("config")
                .check(CLASSES);
    }
}
