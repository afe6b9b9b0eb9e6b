package io.shale.server;

import io.shale.cluster.rpc.ClusterSecret;
import io.shale.cluster.rpc.NetworkPartitions;
import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.rpc.RpcClient;
import io.shale.cluster.rpc.RpcConfig;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Internal calls on a node's port need the cluster secret; a node without one refuses them all. */
@Timeout(60)
class ClusterSecretTest {
    @TempDir
    Path temp;

    private Node node(String name, ClusterSecret secret) {
        NodeConfig config = NodeConfig.defaults(temp.resolve(name)).withPort(0)
                .withSettings(java.util.Map.of(StoreSettings.IN_MEMORY, "on")).withClusterSecret(secret);
        Node node = new Node(config, new PgWireAssembly());
        node.start();
        return node;
    }

    private static ShaleException callFails(ClusterSecret secret, int port) {
        try (RpcClient client = new RpcClient(RpcConfig.defaults(new NodeAddress("127.0.0.1", 1), secret),
                new NetworkPartitions())) {
            client.call(new NodeAddress("127.0.0.1", port), "catalog.pull", new byte[9], Duration.ofSeconds(10))
                    .get(20, TimeUnit.SECONDS);
            throw new AssertionError("the call succeeded");
        } catch (ExecutionException e) {
            return (ShaleException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCallerWithAnotherSecretIsRefused() {
        try (Node node = node("a", ClusterSecret.generate())) {
            ShaleException e = callFails(ClusterSecret.generate(), node.port());
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PASSWORD);
        }
    }

    @Test
    void aNodeWithoutSecretRefusesInternalCalls() {
        try (Node node = node("b", null)) {
            ShaleException e = callFails(ClusterSecret.generate(), node.port());
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION);
            assertThat(e.getMessage()).contains("does not accept internal connections");
        }
    }

    @Test
    void aPlainClientSendingTheMagicCannotCall() throws Exception {
        try (Node node = node("c", ClusterSecret.generate());
             Socket socket = new Socket("127.0.0.1", node.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("SHALERPC".getBytes(StandardCharsets.US_ASCII));
            byte[] junk = new byte[64];
            junk[3] = 50;
            junk[4] = 5;
            out.write(junk);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            assertThat(answer.length).isLessThan(200);
        }
    }

    @Test
    void theRightSecretGetsTheCatalog() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        try (Node node = node("d", secret);
             RpcClient client = new RpcClient(RpcConfig.defaults(new NodeAddress("127.0.0.1", 1), secret),
                     new NetworkPartitions())) {
            byte[] header = new byte[9];
            header[0] = 1;
            byte[] catalog = client.call(new NodeAddress("127.0.0.1", node.port()), "catalog.pull", header,
                    Duration.ofSeconds(10)).get(20, TimeUnit.SECONDS);
            assertThat(catalog.length).isGreaterThan(100);
        }
    }

    @Test
    void nodesWithACertificateTalkTls() throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(openssl), "openssl is not installed");
        Process process = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "1",
                "-subj", "/CN=localhost").directory(temp.toFile()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (LocalCluster cluster = LocalCluster.builder().nodes(2).inMemory()
                .tls(temp.resolve("cert.pem"), temp.resolve("key.pem")).start()) {
            LocalClusterTest.execute(cluster.jdbcUrl(0), "create table over_tls (a int)");
            assertThat(LocalClusterTest.rows(cluster.jdbcUrl(1), "select count(*) from over_tls")).containsExactly("0");
            ShaleException plain = callFails(cluster.secret(), cluster.port(1));
            assertThat(plain.code()).isEqualTo(ErrorCode.CONNECTION_FAILURE);
        }
    }
}
