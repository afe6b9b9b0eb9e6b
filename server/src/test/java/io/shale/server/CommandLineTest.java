package io.shale.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {

    private static Command parse(String... args) {
        return CommandLine.parse(List.of(args));
    }

    @Test
    void nodeTakesEveryOption() {
        Command command = parse("node", "--port", "5433", "--data", "/tmp/d", "--host", "0.0.0.0",
                "--set", "max_connections=10", "--set=Work_Mem=4MB", "--auth", "scram-sha-256",
                "--tls-cert", "c.pem", "--tls-key=k.pem");
        assertThat(command).isEqualTo(new Command.RunNode(new NodeConfig("0.0.0.0", 5433, Path.of("/tmp/d"),
                Map.of("max_connections", "10", "work_mem", "4MB"), Path.of("c.pem"), Path.of("k.pem"),
                AuthMethod.SCRAM_SHA_256)));
    }

    @Test
    void nodeDefaultsToLocalhost5432AndTrust() {
        assertThat(parse("node", "--data", "d"))
                .isEqualTo(new Command.RunNode(NodeConfig.defaults(Path.of("d"))));
    }

    @Test
    void startDefaultsToShaleDataInTheCurrentDirectory() {
        assertThat(parse("start")).isEqualTo(new Command.Start(NodeConfig.defaults(Path.of("shale-data")), 2));
        assertThat(parse("start", "--port", "0", "--data", "x", "--workers", "3"))
                .isEqualTo(new Command.Start(NodeConfig.defaults(Path.of("x")).withPort(0), 3));
    }

    @Test
    void theClusterSecretComesFromAFileOrTheEnvironment(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        Path file = temp.resolve("secret");
        java.nio.file.Files.writeString(file, "0123456789abcdef0123\n");
        Command fromFile = parse("node", "--data", "d", "--cluster-secret-file", file.toString());
        assertThat(((Command.RunNode) fromFile).config().clusterSecret().text()).isEqualTo("0123456789abcdef0123");
        Command fromEnvironment = CommandLine.parse(List.of("node", "--data", "d"),
                Map.of(CommandLine.SECRET_VARIABLE, "abcdefghijklmnopqrstuvwxyz"));
        assertThat(((Command.RunNode) fromEnvironment).config().clusterSecret().text()).isEqualTo("abcdefghijklmnopqrstuvwxyz");
        assertThat(((Command.RunNode) parse("node", "--data", "d")).config().clusterSecret()).isNull();
        assertThat(parse("node", "--data", "d", "--cluster-secret-file", temp.resolve("missing").toString()))
                .isInstanceOf(Command.Invalid.class);
        assertThat(parse("node", "--data", "d", "--workers", "2"))
                .isEqualTo(new Command.Invalid("option --workers belongs to start"));
    }

    @Test
    void helpInAnySpelling() {
        assertThat(parse("help")).isEqualTo(new Command.Help());
        assertThat(parse("--help")).isEqualTo(new Command.Help());
        assertThat(parse("-h")).isEqualTo(new Command.Help());
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertThat(parse()).isEqualTo(new Command.Invalid("no command given"));
        assertThat(parse("stop")).isEqualTo(new Command.Invalid("unknown command \"stop\""));
        assertThat(parse("node")).isEqualTo(new Command.Invalid("node needs --data DIR"));
        assertThat(parse("node", "--data", "d", "--port")).isEqualTo(new Command.Invalid("option --port needs a value"));
        assertThat(parse("node", "--data", "d", "--port", "x")).isEqualTo(new Command.Invalid("invalid port \"x\""));
        assertThat(parse("node", "--data", "d", "--verbose", "1")).isEqualTo(new Command.Invalid("unknown option --verbose"));
        assertThat(parse("node", "--data", "d", "extra")).isEqualTo(new Command.Invalid("unexpected argument \"extra\""));
        assertThat(parse("node", "--data", "d", "--set", "novalue"))
                .isEqualTo(new Command.Invalid("--set needs NAME=VALUE, got \"novalue\""));
        assertThat(parse("node", "--data", "d", "--auth", "ident"))
                .isEqualTo(new Command.Invalid("invalid authentication method \"ident\""));
    }
}
