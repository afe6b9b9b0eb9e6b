package io.shale.catalog;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The catalog depends on common only (ARCHITECTURE.md). */
class CatalogArchitectureTest {
    private static final JavaClasses CATALOG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrl(Catalog.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void dependsOnCommonOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.shale.grammar..", "io.shale.storage..",
                "io.shale.engine..", "io.shale.cluster..", "io.shale.wire..", "io.shale.server..", "io.netty..",
                "org.antlr..").check(CATALOG);
    }
}
