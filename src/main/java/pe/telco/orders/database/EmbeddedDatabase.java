package pe.telco.orders.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL started by the service itself, with its data kept between runs: fsync and synchronous commit on,
 * a password for every role (scram-sha-256) on loopback only, a server left behind by a killed JVM stopped before
 * starting, and a watchdog that stops it if this JVM dies.
 */
public final class EmbeddedDatabase {

    /** Where the data lives when nothing else is configured: {@code ./data/postgres} under the working directory. */
    public static final String DEFAULT_DATA_DIRECTORY = "data/postgres";
    static final String DATABASE = "orders";
    static final String SUPERUSER = "postgres";
    /** Loopback only: the server is this machine's, never the network's. */
    static final String HOST = "127.0.0.1";
    /** Owns the schema and runs the migrations. */
    static final String OWNER = "orders_owner";
    /** The application's role: may only insert and read the audit record (V6__audit.sql). */
    static final String APP = "orders_app";
    private static final String STARTED_PREFIX = "orders.embedded-database.started.";
    /** zonky locks this file in the data directory for as long as its JVM runs the server there. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    /** The servers this class started, by data directory (one in the service; tests may start more). */
    private static final Map<Path, Running> RUNNING = new LinkedHashMap<>();

    private record Running(EmbeddedPostgres postgres, Optional<Process> watchdog) {
    }

    /** How to start the server. */
    public record Settings(Path dataDirectory, int port, boolean cleanOnStart) {
    }

    /** How to reach it: the application's role, and the owner role that runs the migrations. */
    public record Connection(String jdbcUrl, String username, String password, String ownerUsername,
            String ownerPassword) {
    }

    private EmbeddedDatabase() {
    }

    /**
     * Starts the server for this data directory, or reuses the one this JVM already started (Quarkus dev mode
     * reloads the configuration in a new class loader; the URL is kept in a system property so no second server
     * fights over the same directory).
     */
    public static synchronized Connection startOrReuse(Settings settings) {
        Path directory = settings.dataDirectory().toAbsolutePath().normalize();
        String key = STARTED_PREFIX + directory;
        String known = System.getProperty(key);
        try {
            if (known != null) {
                return connection(known, DatabaseCredentials.read(directory));
            }
            if (settings.cleanOnStart()) {
                deleteRecursively(directory);
            }
            Files.createDirectories(directory);
            stopOrphanedServer(directory);
            boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
            boolean knewPasswords = Files.exists(DatabaseCredentials.file(directory));
            if (!fresh && !knewPasswords && !ClientAuthentication.trustsLocalConnections(directory)) {
                throw new IllegalStateException("The data directory " + directory + " requires passwords but "
                        + DatabaseCredentials.file(directory) + " is gone; restore that file, or delete both to "
                        + "start again from an empty database");
            }
            DatabaseCredentials credentials = DatabaseCredentials.readOrCreate(directory);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = startServer(directory, settings.port(), fresh, credentials);
            RUNNING.put(directory, new Running(postgres, Optional.empty()));
            ClientAuthentication.requirePasswords(postgres, directory, credentials);
            createDatabaseIfMissing(postgres);
            DatabaseRoles.prepare(postgres.getDatabase(SUPERUSER, DATABASE), OWNER, credentials.owner(), APP,
                    credentials.app());
            RUNNING.put(directory, new Running(postgres, watchForDeathOfThisJvm(directory)));
            // no user in the URL: the application and Flyway connect with their own roles
            String url = "jdbc:postgresql://" + HOST + ":" + postgres.getPort() + "/" + DATABASE;
            System.setProperty(key, url);
            LOG.infof("Embedded PostgreSQL started in %d ms on port %d, data in %s",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), postgres.getPort(), directory);
            return connection(url, credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory
                    + ": " + e.getMessage(), e);
        }
    }

    private static Connection connection(String url, DatabaseCredentials credentials) {
        return new Connection(url, APP, credentials.app(), OWNER, credentials.owner());
    }

    /**
     * zonky's own readiness check and DataSources connect as the superuser: its connect config gives them the password.
     * A new directory gets scram and the superuser's password from initdb itself (zonky passes its "locale" settings
     * to initdb as {@code --key=value}, after its own {@code -A trust}, which they override), so it never trusts anyone,
     * not even for the first second. The Unix socket is off: the JDBC driver does not use it.
     */
    private static EmbeddedPostgres startServer(Path directory, int port, boolean fresh, DatabaseCredentials credentials)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", HOST)
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setConnectConfig("password", credentials.superuser())
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60));
        if (!fresh) {
            return builder.start();
        }
        Path passwordFile = DatabaseCredentials.file(directory).resolveSibling(directory.getFileName() + ".initdb");
        Files.deleteIfExists(passwordFile);
        DatabaseCredentials.createOwnerOnly(passwordFile);
        try {
            Files.writeString(passwordFile, credentials.superuser() + "\n");
            return builder.setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /** Stops the servers this class started, if any; called once the application has stopped serving. */
    public static synchronized void stop() {
        List.copyOf(RUNNING.keySet()).forEach(EmbeddedDatabase::stop);
    }

    /**
     * Stops the server this class started on that data directory, if any, and its watchdog. Servers started on other
     * directories (or by another class loader, such as the Quarkus test configuration's) keep running.
     */
    public static synchronized void stop(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Running server = RUNNING.remove(directory);
        if (server == null) {
            return;
        }
        try {
            server.postgres().close();
            System.clearProperty(STARTED_PREFIX + directory);
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
        server.watchdog().ifPresent(Process::destroy); // its pid could later belong to another process
    }

    /**
     * A postgres left running by a JVM that was killed still holds the directory. If no live service owns it, stop it
     * (fast shutdown keeps the data consistent); if a live service still owns it, refuse to share the directory.
     * Ownership is zonky's lock file: the owning JVM holds the lock, and the kernel drops it when that JVM dies. (The
     * postmaster's parent tells nothing: {@code pg_ctl} daemonizes it, so its parent is never the service's JVM.)
     */
    static void stopOrphanedServer(Path directory) throws IOException {
        Optional<Long> pid = postmasterPid(directory);
        if (isLockedByALiveService(directory)) {
            throw new IllegalStateException("The data directory " + directory + " is in use by another running "
                    + "service" + pid.map(p -> " (its PostgreSQL process is " + p + ")").orElse("")
                    + "; stop that service or configure another orders.embedded-database.data-directory");
        }
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive)
                .filter(EmbeddedDatabase::isPostgres);
        if (process.isEmpty()) {
            return; // a stale pid file: PostgreSQL recovers from it by itself
        }
        LOG.warnf("Stopping PostgreSQL process %d left running on %s by a previous run", pid.get(), directory);
        new ProcessBuilder("kill", "-INT", String.valueOf(pid.get())).start();
        try {
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL", e);
        } catch (Exception e) {
            throw new IllegalStateException("The orphaned PostgreSQL " + pid.get() + " did not stop within 60 s", e);
        }
    }

    /**
     * Whether a live JVM holds zonky's lock on this directory. Only called when this JVM has not started a server
     * there (see {@link #startOrReuse}): closing a channel drops every lock this JVM holds on the file.
     */
    private static boolean isLockedByALiveService(Path directory) throws IOException {
        Path lockFile = directory.resolve(ZONKY_LOCK_FILE);
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM, through another class loader
        }
    }

    private static Optional<Long> postmasterPid(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            String command = Files.isReadable(cmdline) ? Files.readString(cmdline).split("\0")[0]
                    : process.info().command().orElse("");
            return command.endsWith("/postgres") || command.endsWith("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + DATABASE, e);
        }
    }

    /** If this JVM is killed (kill -9), a detached shell stops the server within about a second. */
    private static Optional<Process> watchForDeathOfThisJvm(Path directory) throws IOException {
        Optional<Long> pid = postmasterPid(directory);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + "kill -INT " + pid.get() + " 2>/dev/null";
        return Optional.of(new ProcessBuilder("sh", "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start());
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        stopOrphanedServer(directory);
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
