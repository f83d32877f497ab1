package pe.telco.orders.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Makes the embedded server ask every role for its password (scram-sha-256) on loopback only. zonky runs initdb with
 * {@code -A trust}: any local process could then log in as the superuser without a password. A new data directory is
 * created with scram from the start (see {@link EmbeddedDatabase}); one made by an earlier version (trust) is upgraded
 * here on start: superuser password set, pg_hba.conf rewritten, configuration reloaded; no data is touched.
 */
final class ClientAuthentication {

    /** Every connection (TCP on 127.0.0.1; the Unix socket is off) needs a password; nothing else is accepted. */
    static final String HBA = """
            # Written by the service on every start of its embedded PostgreSQL: every role needs its password,
            # from this machine only. Edits are replaced on the next start.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            """;
    private static final long RELOAD_WAIT_MILLIS = 10_000;

    private ClientAuthentication() {
    }

    /** Whether an existing data directory still lets someone in without a password (an earlier version's). */
    static boolean trustsLocalConnections(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        return Files.isRegularFile(hba) && Files.readAllLines(hba).stream()
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
    }

    /**
     * Sets the superuser's password, replaces pg_hba.conf and reloads, then waits (bounded) until a connection
     * without a password is refused, so nothing after this method runs while the server still trusts anyone.
     */
    static void requirePasswords(EmbeddedPostgres postgres, Path dataDirectory, DatabaseCredentials credentials)
            throws IOException {
        DataSource superuser = postgres.getPostgresDatabase(); // zonky's connect config carries the password
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role " + EmbeddedDatabase.SUPERUSER + " password " + literal(credentials.superuser()));
            writeHba(dataDirectory);
            try (ResultSet rs = s.executeQuery("select count(*) from pg_hba_file_rules where error is not null")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IOException("PostgreSQL cannot read the pg_hba.conf just written in " + dataDirectory);
                }
            }
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not require passwords on the embedded PostgreSQL: " + e.getMessage(), e);
        }
        awaitPasswordsRequired(postgres.getPort());
    }

    private static void writeHba(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        Path temporary = dataDirectory.resolve("pg_hba.conf.new");
        Files.deleteIfExists(temporary);
        DatabaseCredentials.createOwnerOnly(temporary);
        Files.writeString(temporary, HBA, StandardCharsets.UTF_8);
        Files.move(temporary, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** pg_reload_conf() only signals the postmaster; the new rules apply a moment later. */
    private static void awaitPasswordsRequired(int port) throws IOException {
        long deadline = System.currentTimeMillis() + RELOAD_WAIT_MILLIS;
        Properties noPassword = new Properties();
        noPassword.setProperty("user", EmbeddedDatabase.SUPERUSER);
        String url = "jdbc:postgresql://" + EmbeddedDatabase.HOST + ":" + port + "/postgres";
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url, noPassword)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("The embedded PostgreSQL still accepts connections without a password "
                            + "after its pg_hba.conf was replaced");
                }
            } catch (SQLException refused) {
                return;
            }
            pause();
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for PostgreSQL to reload its configuration", e);
        }
    }

    static String literal(String password) {
        return "'" + password.replace("'", "''") + "'";
    }
}
