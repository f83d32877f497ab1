package pe.telco.orders.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The embedded server's passwords, one per role, generated once and kept in a file beside the data directory that only
 * its owner may read. Beside, not inside: initdb refuses a directory that is not empty, and the passwords must be on
 * disk before the first server start so a crash in between never leaves a server nobody can log in to.
 */
public record DatabaseCredentials(String superuser, String owner, String app) {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = Logger.getLogger(DatabaseCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The file that holds the passwords of the server whose data is in {@code dataDirectory}. */
    public static Path file(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        return directory.resolveSibling(directory.getFileName() + ".credentials");
    }

    /** The passwords of an existing server (operators and tests use them to connect as a given role). */
    public static DatabaseCredentials read(Path dataDirectory) throws IOException {
        Path file = file(dataDirectory);
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        }
        DatabaseCredentials credentials = new DatabaseCredentials(values.getProperty(EmbeddedDatabase.SUPERUSER),
                values.getProperty(EmbeddedDatabase.OWNER), values.getProperty(EmbeddedDatabase.APP));
        if (credentials.superuser() == null || credentials.owner() == null || credentials.app() == null) {
            throw new IOException("The credentials file " + file + " lacks a password for "
                    + EmbeddedDatabase.SUPERUSER + ", " + EmbeddedDatabase.OWNER + " or " + EmbeddedDatabase.APP);
        }
        return credentials;
    }

    /** The passwords kept for this data directory, or new ones written (owner-only) before anything uses them. */
    static DatabaseCredentials readOrCreate(Path dataDirectory) throws IOException {
        Path file = file(dataDirectory);
        if (Files.exists(file)) {
            keepOwnerOnly(file);
            return read(dataDirectory);
        }
        DatabaseCredentials fresh = new DatabaseCredentials(newPassword(), newPassword(), newPassword());
        fresh.write(file);
        return fresh;
    }

    /** Written to a new owner-only file and moved into place, so a crash never leaves a half-written one. */
    private void write(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        createOwnerOnly(temporary);
        Properties values = new Properties();
        values.setProperty(EmbeddedDatabase.SUPERUSER, superuser);
        values.setProperty(EmbeddedDatabase.OWNER, owner);
        values.setProperty(EmbeddedDatabase.APP, app);
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            values.store(out, "Passwords of the embedded PostgreSQL (scram-sha-256). Keep this file private.");
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A new file with mode 0600 from the start (never readable by others, not even for a moment). */
    static void createOwnerOnly(Path file) throws IOException {
        if (isPosix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
    }

    private static void keepOwnerOnly(Path file) throws IOException {
        if (isPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            LOG.warnf("%s was readable by others; its mode is now 0600", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean isPosix(Path file) {
        return file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[***]"; // never in a log line or an exception message
    }
}
