package io.shale.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The server composes modules through their facades (ARCHITECTURE.md): no Netty or ANTLR type,
 * and only {@link PgWireAssembly} names the protocol server and the concrete store.
 */
@Timeout(30)
class ServerArchitectureTest {
    private static final JavaClasses SERVER = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void noNettyOrAntlr() {
        noClasses().should().dependOnClassesThat(resideInAnyPackage("io.netty..", "org.antlr.."))
                .check(SERVER);
    }

    @Test
    void onlyTheAssemblyNamesWireAndConcreteStores() {
        noClasses().that().haveNameNotMatching("io\\.shale\\.server\\.PgWireAssembly(\\$.*)?")
                .should().dependOnClassesThat(resideInAnyPackage("io.shale.wire..", "io.shale.storage.memory..",
                        "io.shale.storage.lsm..", "io.shale.storage.file.."))
                .check(SERVER);
    }
}
