package io.shale.server;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class NodeTest {
    @TempDir
    Path temp;

    private NodeConfig config(Path data) {
        return NodeConfig.defaults(data).withPort(0);
    }

    @Test
    void startListensAndPreparesTheDataDirectory() throws IOException {
        Path data = temp.resolve("new/data");
        FakeAssembly assembly = new FakeAssembly();
        try (Node node = new Node(config(data), assembly)) {
            node.start();
            assertThat(node.port()).isPositive();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 5000);
            }
            assertThat(Files.readString(data.resolve("shale.version")).strip()).isEqualTo("1");
            assertThat(Files.readString(data.resolve("shale.lock")).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThat(Files.readString(data.resolve("log/shale.log"))).contains("listening on 127.0.0.1:" + node.port());
        }
        assertThat(assembly.events).containsExactly("store", "listener", "start", "close listener", "close store");
    }

    @Test
    void closeIsIdempotentAndANodeStartsOnlyOnce() {
        FakeAssembly assembly = new FakeAssembly();
        Node node = new Node(config(temp), assembly);
        node.start();
        assertThatThrownBy(node::start).isInstanceOf(ShaleException.class).hasMessage("node has already been started");
        node.close();
        node.close();
        assertThat(assembly.events).containsOnlyOnce("close store");
        assertThatThrownBy(node::port).hasMessage("node is not running");
    }

    @Test
    void aSecondNodeOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
        try (Node first = new Node(config(temp), new FakeAssembly())) {
            first.start();
            Node second = new Node(config(temp), new FakeAssembly());
            assertThatThrownBy(second::start)
                    .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_IN_USE))
                    .hasMessage("data directory \"" + realPath(temp) + "\" is in use by another Shale node (pid "
                            + ProcessHandle.current().pid() + ")");
            assertThat(first.port()).isPositive();
        }
        try (Node again = new Node(config(temp), new FakeAssembly())) {
            again.start();
            assertThat(again.port()).isPositive();
        }
    }

    @Test
    void aDirectoryLockedByAnotherProcessIsRefusedWithItsPid() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), temp.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("locked");
            Node node = new Node(config(temp), new FakeAssembly());
            assertThatThrownBy(node::start).hasMessage("data directory \"" + realPath(temp)
                    + "\" is in use by another Shale node (pid " + holder.pid() + ")");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        try (Node node = new Node(config(temp), new FakeAssembly())) {
            node.start();
        }
    }

    @Test
    void settingsComeFromShaleConfAndTheCommandLineWins() throws IOException {
        Files.writeString(temp.resolve("shale.conf"), """
                # a comment
                max_connections = 50
                Work_Mem '8MB'   # trailing comment
                citus.shard_count = 4
                """);
        FakeAssembly assembly = new FakeAssembly();
        NodeConfig config = config(temp).withSettings(Map.of("MAX_CONNECTIONS", "200", "timezone", "UTC"));
        try (Node node = new Node(config, assembly)) {
            node.start();
            assertThat(node.settings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "max_connections", "200", "work_mem", "8MB", "citus.shard_count", "4", "timezone", "UTC"));
            assertThat(assembly.settingsSeen).isEqualTo(node.settings());
        }
    }

    @Test
    void aBadConfigurationLineNamesFileAndLineAndLeavesTheDirectoryFree() throws IOException {
        Path conf = temp.resolve("shale.conf");
        Files.writeString(conf, "port = 5432\n\nshared_buffers = 128 MB\n");
        Node node = new Node(config(temp), new FakeAssembly());
        assertThatThrownBy(node::start)
                .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_FILE_ERROR))
                .hasMessage("syntax error in file \"" + realPath(temp).resolve("shale.conf") + "\" line 3, near token \"MB\"");
        Files.writeString(conf, "shared_buffers = '128 MB'\n");
        try (Node fixed = new Node(config(temp), new FakeAssembly())) {
            fixed.start();
            assertThat(fixed.settings()).containsEntry("shared_buffers", "128 MB");
        }
    }

    @Test
    void aDataDirectoryOfAnUnknownFormatIsRefused() throws IOException {
        Files.writeString(temp.resolve("shale.version"), "99\n");
        Node node = new Node(config(temp), new FakeAssembly());
        assertThatThrownBy(node::start)
                .hasMessage("data directory \"" + realPath(temp) + "\" has an unknown format")
                .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.detail()).contains("\"99\""));
    }

    @Test
    void aFailedStartStopsWhatWasStartedAndReleasesTheDirectory() {
        FakeAssembly failing = new FakeAssembly();
        failing.failListenerStart = true;
        Node node = new Node(config(temp), failing);
        assertThatThrownBy(node::start).hasMessage("listener failed on purpose");
        assertThat(failing.events).containsExactly("store", "listener", "start", "close listener", "close store");
        try (Node next = new Node(config(temp), new FakeAssembly())) {
            next.start();
        }
    }

    @Test
    void invalidConfigurationsAreRefusedBeforeTouchingTheDisk() {
        Path data = temp.resolve("never");
        NodeConfig badPort = NodeConfig.defaults(data).withPort(70000);
        assertThatThrownBy(() -> new Node(badPort, new FakeAssembly()).start())
                .hasMessage("invalid port 70000: must be between 0 and 65535");
        NodeConfig halfTls = new NodeConfig("127.0.0.1", 0, data, Map.of(), temp.resolve("cert.pem"), null, AuthMethod.TRUST);
        assertThatThrownBy(() -> new Node(halfTls, new FakeAssembly()).start())
                .hasMessageContaining("--tls-key");
        assertThat(data).doesNotExist();
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsReportedLikePostgresql() throws IOException {
        Path file = Files.writeString(temp.resolve("plain-file"), "x");
        assertThatThrownBy(() -> new Node(config(file), new FakeAssembly()).start())
                .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR))
                .hasMessage("could not create data directory \"" + file + "\": File exists");
    }

    @Test
    void eachNodeLogsItsOwnMessagesToItsOwnFile() throws IOException {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        try (Node first = new Node(config(a), new FakeAssembly()); Node second = new Node(config(b), new FakeAssembly())) {
            first.start();
            second.start();
            List<String> firstLog = Files.readAllLines(a.resolve("log/shale.log"));
            assertThat(firstLog).anyMatch(line -> line.contains("listening on 127.0.0.1:" + first.port()));
            assertThat(firstLog).noneMatch(line -> line.contains(":" + second.port()));
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
