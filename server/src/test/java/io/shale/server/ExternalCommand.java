package io.shale.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a PostgreSQL client program (psql, pgbench) with a neutral environment: no {@code PG*}
 * variables, no ~/.psqlrc, {@code LC_ALL=C.UTF-8} — the same environment that
 * {@code scripts/golden-regenerate.sh} gives the oracle run.
 */
final class ExternalCommand {
    /** What a finished command printed (standard output and error merged) and its exit status. */
    record Result(int exitStatus, String output) {
    }

    private ExternalCommand() {
    }

    /** Whether {@code program} can be run (it is on the PATH). */
    static boolean available(String program) {
        try {
            Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Result run(Path workingDirectory, long timeoutSeconds, List<String> command) throws IOException, InterruptedException {
        return run(workingDirectory, timeoutSeconds, command, Map.of());
    }

    /** Runs {@code command} with a clean environment plus {@code variables} (for example PGPASSWORD). */
    static Result run(Path workingDirectory, long timeoutSeconds, List<String> command, Map<String, String> variables)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("shale-command-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> environment = builder.environment();
            String path = environment.getOrDefault("PATH", "/usr/bin:/bin");
            environment.clear();
            environment.put("PATH", path);
            environment.put("HOME", workingDirectory.toString());
            environment.put("LC_ALL", "C.UTF-8");
            environment.putAll(variables);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds
                        + " s; output so far:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
