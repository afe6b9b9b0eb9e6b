package io.shale.engine.function;

import io.shale.common.types.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Window functions over a sorted partition; expected values are PostgreSQL 15's output. */
@Timeout(10)
class WindowFunctionsTest {
    private final Calls calls = new Calls();

    /** A partition of ORDER BY keys with the whole partition as frame unless {@code runningFrame}. */
    private record Partition(Object[] keys, Object[][] arguments, int current, boolean runningFrame)
            implements WindowFunction.WindowFrame {
        @Override
        public int partitionSize() {
            return keys.length;
        }

        @Override
        public int currentRow() {
            return current;
        }

        @Override
        public int frameStart() {
            return 0;
        }

        @Override
        public int frameEnd() {
            return runningFrame ? peerEnd() : keys.length - 1;
        }

        @Override
        public int peerStart() {
            int i = current;
            while (i > 0 && keys[i - 1].equals(keys[current])) {
                i--;
            }
            return i;
        }

        @Override
        public int peerEnd() {
            int i = current;
            while (i + 1 < keys.length && keys[i + 1].equals(keys[current])) {
                i++;
            }
            return i;
        }

        @Override
        public int peerGroupIndex() {
            int groups = 0;
            for (int i = 1; i <= current; i++) {
                if (!keys[i].equals(keys[i - 1])) {
                    groups++;
                }
            }
            return groups;
        }

        @Override
        public Object argumentAt(int argument, int row) {
            return arguments[row][argument];
        }
    }

    private List<Object> run(String name, List<SqlType> types, Object[] keys, Object[][] arguments, boolean running) {
        Resolution r = Calls.FUNCTIONS.resolve(name, types);
        WindowFunction f = ((FunctionKind.Window) r.definition().kind()).implementation();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            out.add(f.evaluate(calls.context, new Partition(keys, arguments, i, running), arguments[i]));
        }
        return out;
    }

    @Test
    void rankingFunctions() {
        Object[] keys = {1, 2, 2, 3, 4};
        Object[][] none = new Object[5][0];
        assertThat(run("row_number", List.of(), keys, none, true)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(run("rank", List.of(), keys, none, true)).containsExactly(1L, 2L, 2L, 4L, 5L);
        assertThat(run("dense_rank", List.of(), keys, none, true)).containsExactly(1L, 2L, 2L, 3L, 4L);
        assertThat(run("percent_rank", List.of(), new Object[] {1, 2, 3, 4, 5}, none, true))
                .containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(run("cume_dist", List.of(), new Object[] {1, 2, 3, 4, 5}, none, true))
                .containsExactly(0.2, 0.4, 0.6, 0.8, 1.0);
        Object[][] three = {{3}, {3}, {3}, {3}, {3}};
        assertThat(run("ntile", List.of(SqlType.INT4), new Object[] {1, 2, 3, 4, 5}, three, true))
                .containsExactly(1, 1, 2, 2, 3);
    }

    @Test
    void offsetAndValueFunctions() {
        Object[] keys = {1, 2, 3, 4};
        Object[][] values = {{"a", 1, "z"}, {"b", 1, "z"}, {"c", 1, "z"}, {"d", 1, "z"}};
        assertThat(run("lag", List.of(SqlType.TEXT), keys, values, true)).containsExactly(null, "a", "b", "c");
        assertThat(run("lead", List.of(SqlType.TEXT, SqlType.INT4, SqlType.TEXT), keys, values, true))
                .containsExactly("b", "c", "d", "z");
        assertThat(run("first_value", List.of(SqlType.TEXT), keys, values, true)).containsExactly("a", "a", "a", "a");
        assertThat(run("last_value", List.of(SqlType.TEXT), keys, values, true)).containsExactly("a", "b", "c", "d");
        Object[][] second = {{"a", 2}, {"b", 2}, {"c", 2}, {"d", 2}};
        assertThat(run("nth_value", List.of(SqlType.TEXT, SqlType.INT4), keys, second, true))
                .containsExactly(null, "b", "b", "b");
    }
}
