package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * psycopg2 (Debian's python3-psycopg2, which .ci/run installs) against a node, and against a coordinator with two
 * workers that require SCRAM passwords, with a distributed schema owned by a role.
 */
@Timeout(120)
class Psycopg2IT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void psycopg2WorksAsWithPostgres() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && hasPsycopg2(), "python3-psycopg2 is not installed");
        Path script = Path.of(Psycopg2IT.class.getResource("/clients/psycopg2_check.py").toURI());
        try (RealNode node = RealNode.start(Map.of())) {
            Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), Integer.toString(node.port()))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("insert returning: ok", "named cursor: ok", "rollback on close: ok",
                    "execute_values: ok", "errors: ok");
        }
    }

    @Test
    void psycopg2WorksWithADistributedSchemaOwnedByAPasswordRole() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && hasPsycopg2(), "python3-psycopg2 is not installed");
        Path script = Path.of(Psycopg2IT.class.getResource("/clients/psycopg2_tenants.py").toURI());
        NodeConfig scram = new NodeConfig("127.0.0.1", 0, Path.of("."), Map.of(), null, null,
                AuthMethod.SCRAM_SHA_256);
        try (LocalCluster cluster = LocalCluster.builder().nodes(3).inMemory().setting("fsync", "off")
                .template(scram).start()) {
            LocalSql.run(cluster.node(0).engine(), "ALTER ROLE postgres PASSWORD 'admin-secret'");
            Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), Integer.toString(cluster.port(0)),
                    Integer.toString(cluster.port(1)), "admin-secret").redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("distributed schema: ok", "insert returning: ok", "rollback on close: ok",
                    "through a worker: ok", "wrong password: ok");
        }
    }

    private static boolean hasPsycopg2() throws Exception {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import psycopg2").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
