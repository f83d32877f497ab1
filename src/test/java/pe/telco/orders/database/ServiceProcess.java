package pe.telco.orders.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A child JVM running {@link StartAndWait}: a service that owns the embedded database in a data directory. */
final class ServiceProcess implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the child and waits (bounded) until it has stored {@code note} and printed READY. */
    static ServiceProcess start(Path dataDirectory, String note) throws Exception {
        Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-child.log");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                StartAndWait.class.getName(), dataDirectory.toAbsolutePath().toString(), note)
                .redirectError(log.toFile())
                .start();
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> readyPort(process));
        try {
            return new ServiceProcess(process, log, ready.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            String why = e instanceof TimeoutException ? "no READY within " + WAIT : e.toString();
            throw new AssertionError("The child service did not start (" + why + "); its log:\n" + read(log), e);
        }
    }

    private static int readyPort(Process process) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("READY ")) {
                    return Integer.parseInt(line.substring("READY ".length()).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the child exited with " + process.exitValue() + " before READY");
    }

    int port() {
        return port;
    }

    String log() {
        return read(log);
    }

    /** kill -9: no shutdown hook, no clean stop of the database. */
    void kill() throws Exception {
        process.destroyForcibly();
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the child JVM did not die within " + WAIT);
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The PostgreSQL server process named in the directory's postmaster.pid, if it is running. */
    static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }

    /** Waits (bounded) until the given server process has exited. */
    static void awaitExit(ProcessHandle postmaster) throws Exception {
        try {
            postmaster.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("PostgreSQL process " + postmaster.pid() + " still runs after " + WAIT, e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(unreadable log: " + e + ")";
        }
    }
}
