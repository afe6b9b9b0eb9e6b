package io.shale.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code Main node} in a child JVM on a data directory, for tests that stop or kill a real process. */
final class NodeProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Shale ready on 127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();
    private final Thread reader;

    private NodeProcess(Process process) {
        this.process = process;
        this.reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e.getMessage());
            }
        });
    }

    /** Starts a node on {@code data} and a free port (stdout and stderr merged); {@code extra} are more arguments. */
    static NodeProcess launch(Path data, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "node", "--port", "0", "--data", data.toString()));
        command.addAll(List.of(extra));
        return new NodeProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Starts {@code Main} with {@code arguments} (stdout and stderr merged). */
    static NodeProcess launchCommand(String... arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(arguments));
        return new NodeProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits for a line matching {@code pattern} and returns it; fails with the output so far if the process ends first. */
    String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive() && lines.isEmpty()) {
                    throw new AssertionError("process exited before printing " + pattern + ":\n" + String.join("\n", output));
                }
                continue;
            }
            output.add(line);
            if (pattern.matcher(line).matches()) {
                return line;
            }
        }
        throw new AssertionError("no line " + pattern + " after " + timeout + ":\n" + String.join("\n", output));
    }

    /** Waits for the ready line and returns the port; fails with the output so far if the process ends first. */
    int awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive() && lines.isEmpty()) {
                    reader.join(Duration.ofSeconds(5));
                    if (lines.isEmpty()) {
                        throw new AssertionError("node exited with " + process.exitValue() + " before it was ready:\n"
                                + String.join("\n", output));
                    }
                }
                continue;
            }
            output.add(line);
            Matcher ready = READY.matcher(line);
            if (ready.matches()) {
                return Integer.parseInt(ready.group(1));
            }
        }
        throw new AssertionError("node not ready after " + timeout + ":\n" + String.join("\n", output));
    }

    /** Waits for the process to end and returns its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("node still running after " + timeout);
        }
        reader.join(Duration.ofSeconds(10));
        lines.drainTo(output);
        return process.exitValue();
    }

    /** Every line printed so far. */
    List<String> output() {
        lines.drainTo(output);
        return output;
    }

    /** SIGTERM: a fast shutdown. */
    void stop() {
        process.toHandle().destroy();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
