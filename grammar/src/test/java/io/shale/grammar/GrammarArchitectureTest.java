package io.shale.grammar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.shale.grammar.ast.QualifiedName;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The AST and the public facade never expose ANTLR types. */
@Timeout(60)
class GrammarArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter().importPath(astClasses());

    private static Path astClasses() {
        try {
            return Path.of(QualifiedName.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve("io/shale/grammar/ast");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void astDoesNotDependOnAntlr() {
        noClasses().that().resideInAPackage("io.shale.grammar.ast..")
                .should().dependOnClassesThat().resideInAPackage("org.antlr..")
                .check(classes);
    }

    @Test
    void astDoesNotDependOnTheParser() {
        noClasses().that().resideInAPackage("io.shale.grammar.ast..")
                .should().dependOnClassesThat().resideInAPackage("io.shale.grammar.internal..")
                .check(classes);
    }
}
