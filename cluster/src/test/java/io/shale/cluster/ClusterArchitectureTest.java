package io.shale.cluster;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.shale.cluster.rpc.RpcServer;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The cluster module sees common, catalog and storage only: never the engine, the wire layer or the grammar. */
class ClusterArchitectureTest {
    private static final JavaClasses CLUSTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrl(RpcServer.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void dependsOnlyOnLowerModules() {
        noClasses().should().dependOnClassesThat(resideInAnyPackage("io.shale.engine..", "io.shale.wire..",
                "io.shale.server..", "io.shale.grammar..", "org.antlr.."))
                .check(CLUSTER);
    }
}
