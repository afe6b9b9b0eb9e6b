package io.shale.wire;

import io.shale.cluster.rpc.ClusterSecret;
import io.shale.cluster.rpc.NetworkPartitions;
import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.rpc.RpcClient;
import io.shale.cluster.rpc.RpcConfig;
import io.shale.cluster.rpc.RpcServer;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The node's PostgreSQL port also carries internal RPC: the first bytes decide (ProtocolSelector). */
@Timeout(60)
class InternalTrafficTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private final ClusterSecret secret = ClusterSecret.generate();
    private final NetworkPartitions partitions = new NetworkPartitions();

    /** A PgServer whose internal connections go to an RpcServer with an "echo" method. */
    private record Node(PgServer pg, RpcServer rpc, NodeAddress address) implements AutoCloseable {
        static Node start(WireConfig base, ClusterSecret secret, NetworkPartitions partitions) {
            AtomicReference<RpcServer> rpc = new AtomicReference<>();
            PgServer pg = new PgServer(base.withInternalAcceptor((channel, pipeline) -> rpc.get().accept(channel, pipeline)),
                    new FakeSessionService());
            NodeAddress address = new NodeAddress("127.0.0.1", pg.start());
            RpcServer server = new RpcServer(RpcConfig.defaults(address, secret), partitions);
            server.register("echo", (context, payload) -> CompletableFuture.completedFuture(payload));
            rpc.set(server);
            return new Node(pg, server, address);
        }

        @Override
        public void close() {
            rpc.close();
            pg.close();
        }
    }

    private RpcClient client(RpcConfig config) {
        return new RpcClient(config, partitions);
    }

    private RpcConfig callerConfig() {
        return RpcConfig.defaults(new NodeAddress("127.0.0.1", 1), secret);
    }

    private static int selectFour(int port, Properties extra) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "alice");
        properties.setProperty("connectTimeout", "10");
        properties.putAll(extra);
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/db", properties);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select 4")) {
            assertThat(rows.next()).isTrue();
            return rows.getInt(1);
        }
    }

    @Test
    void postgresClientsAndInternalCallsShareThePort() throws Exception {
        try (Node node = Node.start(WireConfig.defaults(0), secret, partitions); RpcClient client = client(callerConfig())) {
            List<CompletableFuture<byte[]>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(client.call(node.address(), "echo", ("call " + i).getBytes(StandardCharsets.UTF_8), DEADLINE));
            }
            assertThat(selectFour(node.address().port(), new Properties())).isEqualTo(4);
            for (int i = 0; i < calls.size(); i++) {
                assertThat(new String(calls.get(i).get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("call " + i);
            }
            assertThat(selectFour(node.address().port(), new Properties())).isEqualTo(4);
            assertThat(client.connectionsOpened(node.address())).isEqualTo(1);
            assertThat(node.rpc().connectedPeers()).isEqualTo(1);
        }
    }

    @Test
    void internalConnectionIsClosedWithoutAnAcceptor() throws Exception {
        try (PgServer pg = new PgServer(WireConfig.defaults(0), new FakeSessionService());
             RpcClient client = client(callerConfig())) {
            NodeAddress address = new NodeAddress("127.0.0.1", pg.start());
            assertThatThrownBy(() -> client.call(address, "echo", new byte[0], DEADLINE).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(ShaleException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILURE));
            assertThat(selectFour(address.port(), new Properties())).isEqualTo(4);
        }
    }

    @Test
    void startupPacketArrivingByteByByteStillReachesPostgres() throws IOException {
        try (Node node = Node.start(WireConfig.defaults(0), secret, partitions);
             Socket socket = new Socket("127.0.0.1", node.address().port())) {
            socket.setSoTimeout(10_000);
            byte[] startup = startupPacket("alice");
            OutputStream out = socket.getOutputStream();
            for (byte b : startup) {
                out.write(b);
                out.flush();
            }
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThat(in.readByte()).isEqualTo((byte) 'R');
            assertThat(in.readInt()).isEqualTo(8);
            assertThat(in.readInt()).isZero();
        }
    }

    @Test
    void internalTrafficUsesTlsWhenTheNodeHasACertificate(@TempDir Path directory) throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        Assumptions.assumeTrue(Files.isExecutable(openssl), "openssl is not installed");
        Process process = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "1",
                "-subj", "/CN=localhost").directory(directory.toFile()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        WireConfig tls = WireConfig.defaults(0).withTls(directory.resolve("cert.pem"), directory.resolve("key.pem"));
        try (Node node = Node.start(tls, secret, partitions);
             RpcClient encrypted = client(callerConfig().withTls(true, directory.resolve("cert.pem")));
             RpcClient plain = client(callerConfig())) {
            byte[] answer = encrypted.call(node.address(), "echo", new byte[] {9}, DEADLINE).get(10, TimeUnit.SECONDS);
            assertThat(answer).containsExactly(9);
            assertThatThrownBy(() -> plain.call(node.address(), "echo", new byte[0], DEADLINE).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(ShaleException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILURE));
            Properties ssl = new Properties();
            ssl.setProperty("sslmode", "require");
            assertThat(selectFour(node.address().port(), ssl)).isEqualTo(4);
        }
    }

    @Test
    void magicsCannotBeAPostgresStartupLength() {
        for (byte[] magic : List.of(ProtocolSelector.PLAIN_MAGIC, ProtocolSelector.TLS_MAGIC)) {
            int length = ((magic[0] & 0xff) << 24) | ((magic[1] & 0xff) << 16) | ((magic[2] & 0xff) << 8) | (magic[3] & 0xff);
            assertThat(length).isGreaterThan(PgDecoder.MAX_STARTUP_PACKET);
        }
    }

    private static byte[] startupPacket(String user) {
        Bytes body = Bytes.of().frame(PgDecoder.PROTOCOL_3_0, "user", user, "database", "db", "", new byte[0]);
        return body.bytes();
    }
}
