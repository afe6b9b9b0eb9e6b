package io.shale.engine.isolation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An isolation schedule in the manner of PostgreSQL's isolationtester specs: a setup run before the sessions
 * open, each session's own setup, named steps that belong to one session, and the permutation to run.
 */
record Schedule(String name, List<String> setup, Map<String, List<String>> sessionSetup, Map<String, Step> steps,
                List<String> permutation) {

    /** One step: the session it runs on and its SQL. */
    record Step(String session, String sql) {
    }

    Schedule {
        setup = List.copyOf(setup);
        sessionSetup = Collections.unmodifiableMap(new LinkedHashMap<>(sessionSetup));
        steps = Map.copyOf(steps);
        permutation = List.copyOf(permutation);
    }

    static Builder named(String name) {
        return new Builder(name);
    }

    /** Collects a schedule; the sessions are opened in the order they are first named. */
    static final class Builder {
        private final String name;
        private final List<String> setup = new ArrayList<>();
        private final Map<String, List<String>> sessionSetup = new LinkedHashMap<>();
        private final Map<String, Step> steps = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        Builder setup(String... sql) {
            setup.addAll(List.of(sql));
            return this;
        }

        Builder session(String session, String... setupSql) {
            sessionSetup.computeIfAbsent(session, s -> new ArrayList<>()).addAll(List.of(setupSql));
            return this;
        }

        Builder step(String stepName, String sql) {
            String session = stepName.substring(0, 2);
            sessionSetup.computeIfAbsent(session, s -> new ArrayList<>());
            if (steps.put(stepName, new Step(session, sql)) != null) {
                throw new IllegalArgumentException("step " + stepName + " is defined twice");
            }
            return this;
        }

        Schedule permutation(String... stepNames) {
            for (String step : stepNames) {
                if (!steps.containsKey(step)) {
                    throw new IllegalArgumentException("no step " + step);
                }
            }
            Map<String, List<String>> sessions = new LinkedHashMap<>();
            sessionSetup.forEach((s, sql) -> sessions.put(s, List.copyOf(sql)));
            return new Schedule(name, setup, sessions, steps, List.of(stepNames));
        }
    }
}
