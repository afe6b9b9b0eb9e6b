package io.shale.server;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnifiedDiffTest {

    @Test
    void equalInputsHaveNoDiff() {
        assertThat(UnifiedDiff.diff("a", List.of("x", "y"), "b", List.of("x", "y"))).isEmpty();
    }

    @Test
    void showsChangesWithThreeLinesOfContext() {
        List<String> expected = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");
        List<String> actual = List.of("1", "2", "3", "4", "five", "6", "7", "8", "9", "10");
        assertThat(UnifiedDiff.diff("x.out", expected, "x.actual", actual)).isEqualTo("""
                --- x.out
                +++ x.actual
                @@ -2,8 +2,9 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                 9
                +10
                """);
    }

    @Test
    void distantChangesMakeSeparateHunks() {
        List<String> expected = List.of("a", "1", "2", "3", "4", "5", "6", "7", "8", "b");
        List<String> actual = List.of("A", "1", "2", "3", "4", "5", "6", "7", "8", "B");
        assertThat(UnifiedDiff.diff("e", expected, "a", actual)).isEqualTo("""
                --- e
                +++ a
                @@ -1,4 +1,4 @@
                -a
                +A
                 1
                 2
                 3
                @@ -7,4 +7,4 @@
                 6
                 7
                 8
                -b
                +B
                """);
    }
}
