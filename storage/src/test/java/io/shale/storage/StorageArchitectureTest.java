package io.shale.storage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Storage knows nothing of SQL: it depends on the JDK, common and lz4 only. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StorageArchitectureTest {

    @Test
    void storageDependsOnlyOnTheJdkCommonAndLz4() {
        JavaClasses storage = new ClassFileImporter().importPath(Path.of("target", "classes"));
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.shale.common..", "io.shale.storage..", "net.jpountz..")
                .check(storage);
    }
}
