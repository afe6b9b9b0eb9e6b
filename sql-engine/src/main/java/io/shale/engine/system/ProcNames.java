package io.shale.engine.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Function names to pg_proc oids: the registry's functions first, then PostgreSQL 15's oids of
 * the type input/output functions that pg_type refers to (array_in is 750 for pgjdbc).
 */
final class ProcNames {
    private static final Map<String, Long> TYPE_IO = load();

    private ProcNames() {
    }

    /** The oid of a function by name, or 0. */
    static long oid(List<ProcInfo> functions, String name) {
        for (ProcInfo p : functions) {
            if (p.name().equals(name)) {
                return p.oid();
            }
        }
        return TYPE_IO.getOrDefault(name, 0L);
    }

    /** The name of a function oid, or null. */
    static String name(List<ProcInfo> functions, long oid) {
        for (ProcInfo p : functions) {
            if (p.oid() == oid) {
                return p.name();
            }
        }
        for (Map.Entry<String, Long> e : TYPE_IO.entrySet()) {
            if (e.getValue() == oid) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Maps every name of a function list plus the type I/O functions to oids. */
    static Map<String, Long> all(List<ProcInfo> functions) {
        Map<String, Long> map = new HashMap<>(TYPE_IO);
        for (int i = functions.size() - 1; i >= 0; i--) {
            map.put(functions.get(i).name(), functions.get(i).oid());
        }
        return map;
    }

    private static Map<String, Long> load() {
        Map<String, Long> out = new HashMap<>();
        for (String[] f : TsvResource.read("type_io_procs.tsv")) {
            out.put(f[0], Long.parseLong(f[1]));
        }
        return Map.copyOf(out);
    }
}
