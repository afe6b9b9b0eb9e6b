package io.shale.engine;

import io.shale.engine.function.FunctionDefinition;
import io.shale.engine.function.FunctionRegistry;
import io.shale.engine.function.OperatorRegistry;
import io.shale.engine.system.ProcInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The registry's functions, and the functions behind operators, as pg_proc rows. */
final class ProcInfos {
    private ProcInfos() {
    }

    static List<ProcInfo> of(FunctionRegistry functions, OperatorRegistry operators) {
        List<ProcInfo> procs = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (List<FunctionDefinition> group : List.of(functions.all(), operators.functions())) {
            for (FunctionDefinition d : group) {
                if (seen.add(d.oid())) {
                    procs.add(of(d));
                }
            }
        }
        return List.copyOf(procs);
    }

    private static ProcInfo of(FunctionDefinition d) {
        List<Integer> args = new ArrayList<>();
        for (Long oid : d.proargtypes()) {
            args.add(oid.intValue());
        }
        return new ProcInfo(d.oid(), d.name(), args, (int) d.prorettype(), d.prokind(), d.proretset(), d.strict(),
                switch (d.volatility()) {
                    case IMMUTABLE -> 'i';
                    case STABLE -> 's';
                    case VOLATILE -> 'v';
                }, (int) d.provariadic());
    }
}
