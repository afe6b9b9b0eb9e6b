package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class NodeRunnerTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final NodeRunner runner = new NodeRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), new FakeAssembly());

    @TempDir
    Path temp;

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(runner.launch(List.of("help"))).isEqualTo(new NodeRunner.Outcome.Exit(0));
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage:").contains("shale node --data DIR");
    }

    @Test
    void badFlagsPrintUsageOnStandardErrorWithStatus2() {
        assertThat(runner.launch(List.of("node", "--bogus", "1"))).isEqualTo(new NodeRunner.Outcome.Exit(2));
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("shale: unknown option --bogus").contains("Usage:");
        assertThat(out.size()).isZero();
    }

    @Test
    void aNodePrintsReadyWithTheBoundPort() {
        NodeRunner.Outcome outcome = runner.launch(List.of("node", "--port", "0", "--data", temp.toString()));
        assertThat(outcome).isInstanceOf(NodeRunner.Outcome.Running.class);
        try (Node node = ((NodeRunner.Outcome.Running) outcome).node()) {
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Shale ready on 127.0.0.1:" + node.port() + System.lineSeparator());
        }
    }

    @Test
    void aNodeThatCannotStartReportsWhyWithStatus1() {
        try (Node holder = new Node(NodeConfig.defaults(temp.resolve("node-0")).withPort(0), new FakeAssembly())) {
            holder.start();
            assertThat(runner.launch(List.of("start", "--port", "0", "--data", temp.toString())))
                    .isEqualTo(new NodeRunner.Outcome.Exit(1));
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("shale: data directory").contains("is in use by another Shale node");
        }
    }
}
