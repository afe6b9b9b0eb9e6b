package io.shale.common.types;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** common depends on the JDK only, and the type system keeps no static mutable state. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommonArchitectureTest {
    private static final JavaClasses COMMON = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void commonDependsOnlyOnTheJdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "io.shale.common..").check(COMMON);
    }

    @Test
    void typeSystemHasNoMutableStaticFields() {
        noClasses().that().resideInAPackage("io.shale.common.types")
                .should(new com.tngtech.archunit.lang.ArchCondition<>("have non-final static fields") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass c,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        c.getFields().stream()
                                .filter(f -> f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC))
                                .filter(f -> !f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.FINAL))
                                .forEach(f -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(f, f.getFullName())));
                    }
                }).check(COMMON);
    }
}
