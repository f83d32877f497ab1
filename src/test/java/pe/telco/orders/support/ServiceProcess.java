package pe.telco.orders.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import pe.telco.orders.database.EmbeddedDatabase;

/**
 * A whole service instance in a child JVM ({@link ServiceProcessMain}: the service built from target/classes, test
 * profile) on a database the test names, listening on a free port of its own: tests run several instances side by
 * side, call them over HTTP, and stop one or kill it with {@code kill -9}. The child also ends when the test's JVM
 * goes (its stdin closes). Its output is kept in target/service-process/.
 */
public final class ServiceProcess implements AutoCloseable {

    /** What the child prints once the service has started. */
    static final String READY = "READY";
    /** The child builds the service from target/classes before it starts (two shared cores: be patient). */
    private static final Duration START = Duration.ofSeconds(360);
    private static final Duration STOP = Duration.ofSeconds(30);
    private static final Path DIRECTORY = Path.of("target", "service-process");

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** How an instance reaches PostgreSQL: the application's role, and the schema owner's for migrations (or null). */
    public record Database(String jdbcUrl, String username, String password, String migrationJdbcUrl,
            String migrationUsername, String migrationPassword) {

        /** A server a test started itself: the owner migrates an empty database on the first instance's start. */
        public static Database of(EmbeddedDatabase.Connection c) {
            return new Database(c.jdbcUrl(), c.username(), c.password(),
                    c.jdbcUrl() + "?user=" + c.ownerUsername() + "&password=" + c.ownerPassword(), c.ownerUsername(),
                    c.ownerPassword());
        }

        /** The database of the service running in this JVM (a {@code @QuarkusTest}'s). */
        public static Database ofThisService() {
            Config config = ConfigProvider.getConfig();
            return new Database(config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class),
                    config.getValue("quarkus.datasource.password", String.class),
                    config.getOptionalValue("quarkus.flyway.jdbc-url", String.class).orElse(null),
                    config.getOptionalValue("quarkus.flyway.username", String.class).orElse(null),
                    config.getOptionalValue("quarkus.flyway.password", String.class).orElse(null));
        }

        Map<String, String> settings() {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("quarkus.datasource.jdbc.url", jdbcUrl);
            settings.put("quarkus.datasource.username", username);
            settings.put("quarkus.datasource.password", password);
            if (migrationJdbcUrl != null) {
                settings.put("quarkus.flyway.jdbc-url", migrationJdbcUrl);
            }
            if (migrationUsername != null) {
                settings.put("quarkus.flyway.username", migrationUsername);
                settings.put("quarkus.flyway.password", migrationPassword);
            }
            return settings;
        }
    }

    /**
     * Starts an instance on {@code database} with these property overrides (they win over everything else, the
     * database's settings too) and returns once it has started; fails with its log if it dies or takes too long.
     */
    public static ServiceProcess start(String name, Database database, Map<String, String> overrides) {
        return launch(name, database, overrides).awaitReady();
    }

    /** Starts an instance like {@link #start} but returns at once: {@link #awaitReady()} before using it. */
    public static ServiceProcess launch(String name, Database database, Map<String, String> overrides) {
        try {
            Files.createDirectories(DIRECTORY);
            String run = name + "-" + UUID.randomUUID();
            int port = FreePorts.take();
            Map<String, String> settings = new LinkedHashMap<>(database.settings());
            settings.put("orders.embedded-database.enabled", "false");
            settings.put("quarkus.http.port", String.valueOf(port));
            settings.put("quarkus.http.test-port", String.valueOf(port));
            settings.putAll(overrides);
            Path settingsFile = writeOwnerOnly(DIRECTORY.resolve(run + ".properties"), settings);
            Path log = DIRECTORY.resolve(run + ".log");
            // a test instance lives for a minute or two, mostly starting: the quick JIT and one GC thread spare the
            // shared cores for everything else running meanwhile
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                    "-cp", System.getProperty("java.class.path"), ServiceProcessMain.class.getName(),
                    settingsFile.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ServiceProcess(name, process, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the service instance " + name, e);
        }
    }

    /** Returns once the instance has started; fails with its log (and kills it) if it dies or takes too long. */
    public ServiceProcess awaitReady() {
        try {
            Eventually.within(START, "service instance " + name + " started (log: " + log + ")", () -> {
                List<String> lines = lines();
                if (lines.contains(READY)) {
                    return true;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("Service instance " + name + " ended before it was ready; its log:\n"
                            + String.join("\n", lines));
                }
                return false;
            });
        } catch (AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        return this;
    }

    /** The base URL, {@code http://localhost:<port>}. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** A request to this instance as the test profile's user {@code tester} (every role, no channel). */
    public RequestSpecification given() {
        return as("tester", "tester-secret");
    }

    /** A request to this instance with these HTTP Basic credentials. */
    public RequestSpecification as(String user, String password) {
        return RestAssured.given().baseUri("http://localhost").port(port).basePath("").auth().preemptive()
                .basic(user, password);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook runs, nothing in flight finishes. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** An orderly stop: the child's stdin is closed, the service shuts down; killed if it takes longer than 30 s. */
    public void stop() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    /** What the instance printed so far. */
    public String log() {
        return String.join("\n", lines());
    }

    @Override
    public String toString() {
        return "service instance " + name + " (pid " + process.pid() + ", " + baseUrl() + ")";
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError(this + " did not end after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + this + " to end", e);
        }
    }

    private static Path writeOwnerOnly(Path file, Map<String, String> settings) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "settings of one service instance; deleted by the instance once read");
        }
        return file;
    }
}
