package io.shale.wire;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The wire layer sees only the engine's session API and common (ARCHITECTURE.md). */
class WireArchitectureTest {
    private static final JavaClasses WIRE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shale.wire");

    @Test
    void dependsOnlyOnTheSessionApiAndCommon() {
        noClasses().should().dependOnClassesThat(resideInAPackage("io.shale..")
                        .and(not(resideInAnyPackage("io.shale.wire..", "io.shale.engine.session", "io.shale.common.."))))
                .check(WIRE);
    }
}
