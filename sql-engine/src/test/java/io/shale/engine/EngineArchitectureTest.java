package io.shale.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine's module rules (ARCHITECTURE.md): no Netty (that is wire's and cluster's), no ANTLR
 * type (the grammar keeps its parser to itself), and the session API, which the wire layer sees,
 * does not reach into the engine's internals.
 */
class EngineArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrl(Engine.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void usesNeitherNettyNorAntlr() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.antlr..").check(ENGINE);
    }

    @Test
    void theSessionApiStandsAlone() {
        noClasses().that().resideInAPackage("io.shale.engine.session")
                .should().dependOnClassesThat().resideInAnyPackage("io.shale.engine", "io.shale.engine.analyze..",
                        "io.shale.engine.exec..", "io.shale.engine.plan..", "io.shale.storage..", "io.shale.catalog..")
                .check(ENGINE);
    }

    @Test
    void storageIsReachedOnlyThroughItsApi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.shale.storage.memory..").check(ENGINE);
    }
}
