package io.shale.grammar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The AST and the public facade never expose ANTLR types. */
class GrammarArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shale.grammar.ast");

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
