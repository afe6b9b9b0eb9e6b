package io.shale.engine.function;

import io.shale.common.types.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every built-in definition is reachable: calling it with its own declared types resolves to it. */
@Timeout(20)
class RegistryConsistencyTest {

    @Test
    void everyMonomorphicFunctionIsItsOwnExactMatch() {
        Set<String> signatures = new HashSet<>();
        for (FunctionDefinition d : Calls.FUNCTIONS.all()) {
            assertThat(signatures.add(d.name() + d.argumentTypes() + d.variadic()))
                    .as("duplicate definition %s", d).isTrue();
            if (isPolymorphic(d.argumentTypes())) {
                continue;
            }
            Resolution r = Calls.FUNCTIONS.resolve(d.name(), d.argumentTypes());
            assertThat(r.definition()).as("%s%s", d.name(), d.argumentTypes()).isSameAs(d);
            assertThat(r.returnType()).isEqualTo(d.returnType());
        }
    }

    @Test
    void everyMonomorphicOperatorIsItsOwnExactMatch() {
        Set<String> signatures = new HashSet<>();
        for (OperatorDefinition d : Calls.OPERATORS.all()) {
            assertThat(signatures.add(d.symbol() + d.left() + d.right())).as("duplicate operator %s", d).isTrue();
            List<SqlType> args = d.function().argumentTypes();
            if (isPolymorphic(args)) {
                continue;
            }
            OperatorResolution r = d.prefix() ? Calls.OPERATORS.resolvePrefix(d.symbol(), d.right())
                    : Calls.OPERATORS.resolveBinary(d.symbol(), d.left(), d.right());
            assertThat(r.operator()).as("%s", d).isSameAs(d);
        }
        assertThat(Calls.OPERATORS.all()).extracting(OperatorDefinition::oid).doesNotHaveDuplicates();
    }

    @Test
    void operatorFunctionsShareOidsOnlyWithTheSameFunction() {
        for (FunctionDefinition d : Calls.OPERATORS.functions()) {
            Calls.FUNCTIONS.byOid(d.oid()).ifPresent(f -> {
                assertThat(f.name()).as("oprcode %s", d.name()).isEqualTo(d.name());
                assertThat(f.proargtypes()).isEqualTo(d.proargtypes());
            });
        }
    }

    private static boolean isPolymorphic(List<SqlType> types) {
        for (SqlType t : types) {
            if (Polymorphism.isPolymorphic(t.oid())) {
                return true;
            }
        }
        return false;
    }
}
